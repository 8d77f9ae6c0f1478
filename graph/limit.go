package graph

import (
	"encoding/json"
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// DefaultQueueWait is how long a GraphQL request waits for a free slot before it is answered BUSY.
const DefaultQueueWait = 10 * time.Second

// DefaultMaxInFlight is how many GraphQL requests run at once by default: four per core, at least 8.
// More than that only makes them share the same cores (and the database's) more finely: each takes
// longer and the slowest much longer, without more of them finishing per second.
func DefaultMaxInFlight() int { return max(8, 4*runtime.GOMAXPROCS(0)) }

// limitInFlight runs at most n requests at once; the others wait, first come first served, for up to
// wait, then get 503 with a BUSY GraphQL error and Retry-After. n <= 0 runs every request at once.
//
// Go hands a freed slot to the request that has waited longest (blocked channel senders queue in
// order), so under load latency is that of a queue, even for everyone, instead of every request
// fighting for the CPU at each of its database statements.
func limitInFlight(n int, wait time.Duration, next http.Handler) http.Handler {
	if n <= 0 {
		return next
	}
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
		default:
			start := time.Now()
			timer := time.NewTimer(wait)
			select {
			case slots <- struct{}{}:
				timer.Stop()
				if sw, ok := w.(*statusWriter); ok {
					sw.queued = time.Since(start)
				}
			case <-timer.C:
				busy(w, wait)
				return
			case <-r.Context().Done():
				timer.Stop()
				busy(w, wait) // the client is gone or the request timed out while waiting
				return
			}
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

func busy(w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(wait.Seconds()/10))))
	w.WriteHeader(http.StatusServiceUnavailable)
	_ = json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{
		Message: "Partnerhub is busy. Try again in a moment.", Extensions: map[string]any{"code": codeBusy},
	}}})
}
