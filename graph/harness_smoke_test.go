package graph_test

import "testing"

func TestHarnessSmoke(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *env) {
		f := e.fixture()
		var data struct {
			Customers struct{ TotalCount int } `json:"customers"`
		}
		e.query(f.AdminA, `{ customers { totalCount } }`, nil, &data)
		if data.Customers.TotalCount != 8 {
			t.Fatalf("totalCount = %d, want 8", data.Customers.TotalCount)
		}
	})
}
