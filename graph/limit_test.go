package graph_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"partnerhub/graph"
)

// A request that finds every slot taken waits its turn; one that waits longer than the queue wait is
// answered 503 with a BUSY GraphQL error and Retry-After, without reaching the handler; when the slot
// frees, requests run again.
func TestLimitInFlight(t *testing.T) {
	entered := make(chan string, 4)
	release := make(chan struct{})
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- r.URL.Query().Get("name")
		if r.URL.Query().Get("hold") != "" {
			<-release
		}
		_, _ = io.WriteString(w, "ok "+r.URL.Query().Get("name"))
	})
	srv := httptest.NewServer(graph.LimitInFlight(1, 50*time.Millisecond, inner))
	defer srv.Close()

	held := make(chan *http.Response, 1)
	go func() {
		res, err := http.Get(srv.URL + "?name=a&hold=1")
		if err != nil {
			t.Error(err)
		}
		held <- res
	}()
	if got := <-entered; got != "a" {
		t.Fatalf("entered %q, want a", got)
	}

	// The only slot is held: b waits 50 ms for it, then is turned away without reaching the handler.
	res, err := http.Get(srv.URL + "?name=b")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" ||
		res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("busy answer: %d %v %s", res.StatusCode, res.Header, body)
	}
	var out struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(body, &out); err != nil || len(out.Errors) != 1 || out.Errors[0].Extensions.Code != "BUSY" ||
		!strings.Contains(out.Errors[0].Message, "busy") {
		t.Fatalf("busy body: %s (%v)", body, err)
	}
	select {
	case got := <-entered:
		t.Fatalf("%s reached the handler while the only slot was held", got)
	default:
	}

	// When a finishes, its slot serves the next request.
	close(release)
	if res := <-held; res == nil || res.StatusCode != http.StatusOK {
		t.Fatalf("held request: %v", res)
	}
	res, err = http.Get(srv.URL + "?name=c")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || string(body) != "ok c" || <-entered != "c" {
		t.Fatalf("after the slot freed: %d %s", res.StatusCode, body)
	}
}

// With no limit (a negative MaxInFlight), requests do not wait for one another.
func TestLimitInFlightOff(t *testing.T) {
	entered := make(chan struct{}, 2)
	release := make(chan struct{})
	srv := httptest.NewServer(graph.LimitInFlight(-1, time.Millisecond, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	})))
	defer srv.Close()
	defer close(release)
	for range 2 {
		go func() {
			if res, err := http.Get(srv.URL); err == nil {
				res.Body.Close()
			}
		}()
	}
	<-entered
	<-entered // both are in the handler at once
}
