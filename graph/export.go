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

	"entgo.io/ent/dialect/sql"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/customer"
	"partnerhub/ent/customertag"
	"partnerhub/ent/relationship"
	"partnerhub/ent/rule"
	"partnerhub/ent/schema/pulid"
	"partnerhub/ent/viewer"
)

// Downloads are streamed: rows are read in keyset batches and written as they come, so the server's
// memory stays flat whatever the size of the list.
const (
	// DefaultExportBatch is the customer export's batch (Options.ExportBatch).
	DefaultExportBatch = 10000
	activityBatch      = 2000
)

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
// never apply), one row per customer, in the order the customers were added (their IDs are ULIDs).
//
// The file is read in keyset batches of the partner's own ACTIVE relationships, ordered by customer:
// one index range within the partner (partner_id, status, customer_id) per batch joined to the
// customers, and the tag links of the partner's tags in the batch's customer range. So a batch costs
// the same whatever share of all customers the partner holds, and memory stays flat.
func (s *Server) exportCustomers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, ok := s.mayExport(w, r, rule.ExportCustomers)
	if !ok {
		return
	}
	tags, err := s.client.Tag.Query().All(ctx)
	if err != nil {
		s.log.ErrorContext(ctx, "export", "err", err)
		http.Error(w, "Something went wrong on our side. Please try again.", http.StatusInternalServerError)
		return
	}
	tagNames := make(map[pulid.ID]string, len(tags))
	tagIDs := make([]pulid.ID, len(tags))
	for i, t := range tags {
		tagNames[t.ID], tagIDs[i] = t.Name, t.ID
	}
	out := newCSV(w, "Customers.csv", v.CustomerCount)
	out.row("Microsoft ID", "Company name", "Primary domain name", "Relationship", "Tags")

	// pending is the customer whose row is not written yet: a dual partner's two relationships with one
	// customer may straddle two batches. tagsOf holds the tag names of the customers read and not yet
	// written.
	var (
		pending *exportRow
		rels    []string
		tagsOf  = map[pulid.ID][]string{}
	)
	emit := func() {
		if pending == nil {
			return
		}
		slices.Sort(rels)
		t := tagsOf[pending.CustomerID]
		delete(tagsOf, pending.CustomerID)
		slices.Sort(t)
		out.row(pending.MicrosoftID, pending.DisplayName, pending.PrimaryDomain, strings.Join(rels, "; "), strings.Join(t, "; "))
		pending, rels = nil, rels[:0]
	}
	// The next batch is read while this one is written: the database and the writing overlap, and at
	// most two batches are in memory.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan exportPage, 1)
	go s.readExport(ctx, tagIDs, batches)
	for page := range batches {
		if page.err != nil {
			out.fail(ctx, s, page.err)
			return
		}
		for _, l := range page.links {
			tagsOf[l.CustomerID] = append(tagsOf[l.CustomerID], tagNames[l.TagID])
		}
		for i := range page.rels {
			row := &page.rels[i]
			if pending != nil && pending.CustomerID != row.CustomerID {
				emit()
			}
			pending = row
			rels = append(rels, relationshipNames[relationship.Type(row.Type)])
		}
		// Links of customers not exported (tagged, but no ACTIVE relationship) go with their batch.
		for id := range tagsOf {
			if pending == nil || id != pending.CustomerID {
				delete(tagsOf, id)
			}
		}
		if err := out.flush(); err != nil {
			return
		}
	}
	emit()
	_ = out.flush()
}

// exportPage is one batch of the customer export: the partner's ACTIVE relationships with their
// customers' exported columns, and the links of the partner's tags within the batch's customer range.
type exportPage struct {
	rels  []exportRow
	links []*ent.CustomerTag
	err   error
}

// exportRow is one of the partner's ACTIVE relationships with the customer's exported columns.
type exportRow struct {
	ID            pulid.ID `sql:"id"`
	CustomerID    pulid.ID `sql:"customer_id"`
	Type          string   `sql:"type"`
	MicrosoftID   string   `sql:"microsoft_id"`
	DisplayName   string   `sql:"display_name"`
	PrimaryDomain string   `sql:"primary_domain"`
}

// readExport reads the customer export's batches in keyset order (customer ID, then relationship ID)
// and sends them to out, closing it after the last one or the first error.
//
// Each batch is one statement: the viewer partner's relationships (the Relationship privacy policy
// scopes the query to the partner) that are ACTIVE, joined to their customers. That is exactly the set
// the Customer policy lets the partner see, read without a second per-customer visibility check.
func (s *Server) readExport(ctx context.Context, tagIDs []pulid.ID, out chan<- exportPage) {
	defer close(out)
	var last *exportRow
	for {
		q := s.client.Relationship.Query().Where(relationship.StatusEQ(relationship.StatusACTIVE)).
			Order(relationship.ByCustomerID(), relationship.ByID()).Limit(s.cfg.ExportBatch)
		if last != nil {
			q.Where(relationship.Or(relationship.CustomerIDGT(last.CustomerID),
				relationship.And(relationship.CustomerID(last.CustomerID), relationship.IDGT(last.ID))))
		}
		sel := q.Modify(func(sel *sql.Selector) {
			c := sql.Table(customer.Table).As("exported")
			sel.Join(c).On(sel.C(relationship.FieldCustomerID), c.C(customer.FieldID)).
				Select(sel.C(relationship.FieldID), sel.C(relationship.FieldCustomerID), sel.C(relationship.FieldType),
					c.C(customer.FieldMicrosoftID), c.C(customer.FieldDisplayName), c.C(customer.FieldPrimaryDomain))
		})
		var page exportPage
		page.err = sel.Scan(ctx, &page.rels)
		if page.err == nil && len(page.rels) > 0 && len(tagIDs) > 0 {
			// The links of the partner's tags in this batch's customer range; a customer that straddles
			// two batches had its links read with the first.
			q := s.client.CustomerTag.Query().Where(customertag.TagIDIn(tagIDs...),
				customertag.CustomerIDLTE(page.rels[len(page.rels)-1].CustomerID))
			if last != nil {
				q.Where(customertag.CustomerIDGT(last.CustomerID))
			}
			page.links, page.err = q.All(ctx)
		}
		select {
		case out <- page:
		case <-ctx.Done():
			return
		}
		if page.err != nil || len(page.rels) < s.cfg.ExportBatch {
			return
		}
		last = &page.rels[len(page.rels)-1]
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
			Order(ent.Desc(activity.FieldOccurredAt), ent.Desc(activity.FieldID)).Limit(activityBatch)
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
				a.Operation, result, jsonCell(a.Before), jsonCell(a.After), strings.TrimSpace(deref(a.ErrorCode)+" "+deref(a.ErrorMessage)))
		}
		if err := out.flush(); err != nil || len(batch) < activityBatch {
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
