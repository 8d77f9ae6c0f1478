package graph

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/viewer"
)

// Downloads are streamed: rows are read in keyset batches of exportBatch and written as they come, so
// the server's memory stays flat whatever the size of the list.
const exportBatch = 2000

// TotalRowsHeader tells a client how many rows a download will have, for a progress bar.
const TotalRowsHeader = "X-Total-Rows"

// relationshipNames are the relationship types as partner staff know them (domain.md §3).
var relationshipNames = map[relationship.Type]string{
	relationship.TypeDIRECT_BILL:       "Cloud Reseller",
	relationship.TypeINDIRECT_PROVIDER: "Indirect provider",
	relationship.TypeINDIRECT_RESELLER: "Indirect reseller",
	relationship.TypeADVISOR:           "Advisor",
}

// exportCustomers serves Customers.csv: the viewer partner's whole customer list (search and filters
// never apply), by company name, one row per customer.
func (s *Server) exportCustomers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, ok := s.mayExport(w, r, rule.ExportCustomers)
	if !ok {
		return
	}
	// The partner's tags, once; each batch then reads its tag links by customer, a primary-key lookup.
	tags, err := s.client.Tag.Query().All(ctx)
	if err != nil {
		s.log.ErrorContext(ctx, "export", "err", err)
		http.Error(w, "Something went wrong on our side. Please try again.", http.StatusInternalServerError)
		return
	}
	tagNames := make(map[pulid.ID]string, len(tags))
	for _, t := range tags {
		tagNames[t.ID] = t.Name
	}
	out := newCSV(w, "Customers.csv", v.CustomerCount)
	out.row("Microsoft ID", "Company name", "Primary domain name", "Relationship", "Tags")
	var last *ent.Customer
	for {
		q := s.client.Customer.Query().
			WithRelationships(func(q *ent.RelationshipQuery) {
				q.Select(relationship.FieldCustomerID, relationship.FieldType, relationship.FieldStatus)
			}).
			Order(customer.BySortName(), customer.ByID()).Limit(exportBatch)
		// Only the columns the file needs (and the keyset's).
		q.Select(customer.FieldID, customer.FieldMicrosoftID, customer.FieldDisplayName, customer.FieldPrimaryDomain, customer.FieldSortName)
		if last != nil {
			q.Where(customer.Or(customer.SortNameGT(last.SortName),
				customer.And(customer.SortName(last.SortName), customer.IDGT(last.ID))))
		}
		batch, err := q.All(ctx)
		if err != nil {
			out.fail(ctx, s, err)
			return
		}
		ids := make([]pulid.ID, len(batch))
		for i, c := range batch {
			ids[i] = c.ID
		}
		links, err := s.client.CustomerTag.Query().Where(customertag.CustomerIDIn(ids...)).All(ctx)
		if err != nil {
			out.fail(ctx, s, err)
			return
		}
		tagsOf := make(map[pulid.ID][]string, len(batch))
		for _, l := range links {
			tagsOf[l.CustomerID] = append(tagsOf[l.CustomerID], tagNames[l.TagID])
		}
		for _, c := range batch {
			var rels []string
			for _, rel := range c.Edges.Relationships {
				if rel.Status == relationship.StatusACTIVE {
					rels = append(rels, relationshipNames[rel.Type])
				}
			}
			tags := tagsOf[c.ID]
			slices.Sort(tags)
			out.row(c.MicrosoftID, c.DisplayName, c.PrimaryDomain, strings.Join(rels, "; "), strings.Join(tags, "; "))
		}
		if err := out.flush(); err != nil || len(batch) < exportBatch {
			return
		}
		last = batch[len(batch)-1]
	}
}

// exportActivity serves Activity.csv: the activity log with the same filters as the activityLog query
// (from, to, customerID, resourceType, operation, succeeded; repeatable), newest first.
func (s *Server) exportActivity(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if _, ok := s.mayExport(w, r, rule.ViewActivity); !ok {
		return
	}
	f, err := activityFilterFrom(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out := newCSV(w, "Activity.csv", -1)
	out.row("Date (UTC)", "User", "Customer", "Resource", "Resource ID", "Operation", "Result", "Before", "After", "Error")
	var last *ent.Activity
	for {
		q := s.client.Activity.Query().Where(f.Predicates()...).WithUser().WithCustomer().
			Order(ent.Desc(activity.FieldOccurredAt), ent.Desc(activity.FieldID)).Limit(exportBatch)
		if last != nil {
			q.Where(activity.Or(activity.OccurredAtLT(last.OccurredAt),
				activity.And(activity.OccurredAt(last.OccurredAt), activity.IDLT(last.ID))))
		}
		batch, err := q.All(ctx)
		if err != nil {
			out.fail(ctx, s, err)
			return
		}
		for _, a := range batch {
			who, cust := "", ""
			if u := a.Edges.User; u != nil {
				who = u.Email
			}
			if c := a.Edges.Customer; c != nil {
				cust = c.DisplayName
			}
			result := "Succeeded"
			if !a.Succeeded {
				result = "Failed"
			}
			out.row(a.OccurredAt.UTC().Format(time.RFC3339), who, cust, string(a.ResourceType), a.ResourceID,
				a.Operation, result, jsonCell(a.Before), jsonCell(a.After), strings.TrimSpace(a.ErrorCode+" "+a.ErrorMessage))
		}
		if err := out.flush(); err != nil || len(batch) < exportBatch {
			return
		}
		last = batch[len(batch)-1]
	}
}

// mayExport checks that the request is signed in and its roles allow the action.
func (s *Server) mayExport(w http.ResponseWriter, r *http.Request, a rule.Action) (*viewer.Viewer, bool) {
	v := viewer.FromContext(r.Context())
	switch {
	case v == nil:
		http.Error(w, "Sign in first.", http.StatusUnauthorized)
		return nil, false
	case !rule.Can(v, a):
		http.Error(w, rule.Forbidden(a).Error(), http.StatusForbidden)
		return nil, false
	}
	return v, true
}

func activityFilterFrom(r *http.Request) (rule.ActivityFilter, error) {
	q := r.URL.Query()
	var f rule.ActivityFilter
	for name, dst := range map[string]**time.Time{"from": &f.From, "to": &f.To} {
		if s := q.Get(name); s != "" {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return f, &rule.FieldError{Code: rule.CodeInvalid, Message: name + ": use RFC 3339 times, such as 2026-11-01T00:00:00Z"}
			}
			*dst = &t
		}
	}
	if id := q.Get("customerID"); id != "" {
		pid := pulid.ID(id)
		f.CustomerID = &pid
	}
	for _, t := range q["resourceType"] {
		rt := activity.ResourceType(t)
		if err := activity.ResourceTypeValidator(rt); err != nil {
			return f, &rule.FieldError{Code: rule.CodeInvalid, Message: "resourceType: " + err.Error()}
		}
		f.ResourceTypes = append(f.ResourceTypes, rt)
	}
	f.Operations = q["operation"]
	if s := q.Get("succeeded"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return f, &rule.FieldError{Code: rule.CodeInvalid, Message: "succeeded: use true or false"}
		}
		f.Succeeded = &b
	}
	return f, nil
}

// csvOut writes a CSV download that Excel and LibreOffice open correctly: UTF-8 with a byte-order
// mark, CRLF line ends, RFC 4180 quoting, and cells that can never run as formulas.
type csvOut struct {
	w   http.ResponseWriter
	csv *csv.Writer
}

func newCSV(w http.ResponseWriter, filename string, total int) *csvOut {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if total >= 0 {
		h.Set(TotalRowsHeader, strconv.Itoa(total))
	}
	_, _ = w.Write([]byte("\uFEFF"))
	c := csv.NewWriter(w)
	c.UseCRLF = true
	return &csvOut{w: w, csv: c}
}

func (o *csvOut) row(cells ...string) {
	for i, c := range cells {
		cells[i] = SafeCell(c)
	}
	_ = o.csv.Write(cells)
}

func (o *csvOut) flush() error {
	o.csv.Flush()
	if f, ok := o.w.(http.Flusher); ok {
		f.Flush()
	}
	return o.csv.Error()
}

// fail ends a download that broke part-way. The status is sent already, so the best that can be done
// is to cut the file short, which a client notices (no final newline / a short row count), and log.
func (o *csvOut) fail(ctx context.Context, s *Server, err error) {
	s.log.ErrorContext(ctx, "export failed part-way", "err", err)
	o.csv.Flush()
	panic(http.ErrAbortHandler)
}

// SafeCell neutralises a cell that a spreadsheet would run as a formula (one starting with = + - @,
// a tab or a carriage return, also after leading spaces) by prefixing an apostrophe, as OWASP
// recommends.
func SafeCell(s string) string {
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "'" + s
	}
	return s
}

func jsonCell(m map[string]any) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}
