package graph

import (
	"context"

	entgo "entgo.io/ent"

	"partnerhub/ent"
)

// entgql's Paginate runs COUNT(*) whenever totalCount or pageInfo is selected. On a partner with
// hundreds of thousands of customers that COUNT costs more than the page itself, so the customers
// resolver tells the Customer interceptor below what the total is when it already knows it (the
// unfiltered list: the partner's maintained customer_count), and to skip it when nobody asked.

type totalKey struct{}

// knownTotal is what the list resolver knows about the total of its query.
type knownTotal struct {
	skip bool // totalCount was not selected: no COUNT is needed
	n    int  // >= 0: the total, without counting
}

func withKnownTotal(ctx context.Context, t knownTotal) context.Context {
	return context.WithValue(ctx, totalKey{}, t)
}

// totalInterceptor answers Customer COUNT queries from a knownTotal in the context.
func totalInterceptor() ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			t, ok := ctx.Value(totalKey{}).(knownTotal)
			if qc := entgo.QueryFromContext(ctx); ok && qc != nil && qc.Op == entgo.OpQueryCount {
				switch {
				case t.skip:
					return 0, nil
				case t.n >= 0:
					return t.n, nil
				}
			}
			return next.Query(ctx, q)
		})
	})
}
