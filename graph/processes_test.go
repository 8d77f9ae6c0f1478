package graph_test

// Two real server processes on one MariaDB/MySQL database, as two replicas behind a load balancer:
// a session started on one works on the other, and a sign-out on either ends it everywhere (sessions
// live in the database, not in a process).

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"partnerhub/ent/seed"
)

// procBuffer collects a process's output safely while it runs.
type procBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (p *procBuffer) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.b.Write(b)
}

func (p *procBuffer) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.b.String()
}

// procFreeAddr is a loopback address with a port free right now.
func procFreeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// procBuild builds the server binary from the repository root (the parent of this package).
func procBuild(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at the repository root %s: %v", root, err)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "partnerhub")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// procServer is a running server process.
type procServer struct {
	base string
	cmd  *exec.Cmd
	out  *procBuffer
	done chan struct{}
}

// procStart starts the server on the database and waits (bounded) until /readyz answers 200.
func procStart(t *testing.T, bin, dbURL, name string) *procServer {
	t.Helper()
	addr := procFreeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "-database", dbURL, "-addr", addr, "-demo", "-static", "")
	cmd.Dir = t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PARTNERHUB_") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	out := &procBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting %s: %v", name, err)
	}
	p := &procServer{base: "http://" + addr, cmd: cmd, out: out, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		cancel() // kills the process
		select {
		case <-p.done:
		case <-time.After(15 * time.Second):
			t.Errorf("%s did not exit", name)
		}
		if t.Failed() {
			t.Logf("%s output:\n%s", name, out.String())
		}
	})

	hc := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case <-p.done:
			t.Fatalf("%s exited before it was ready:\n%s", name, out.String())
		default:
		}
		if res, err := hc.Get(p.base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s not ready at %s within 90s:\n%s", name, p.base, out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestProcessesShareSessions(t *testing.T) {
	if !slices.Contains(backends(t), "mysql") {
		t.Skip("PARTNERHUB_TEST_MYSQL=skip: this test needs MySQL/MariaDB (two replicas on one database)")
	}
	name := "partnerhub_test_" + randomHex(6)
	dbURL := mysqlServer() + "/" + name
	t.Cleanup(func() { dropMySQL(t, name) }) // registered first: runs after both processes are gone
	bin := procBuild(t)
	one := procStart(t, bin, dbURL, "process 1") // creates, migrates and seeds the database
	two := procStart(t, bin, dbURL, "process 2")

	// Sign in on process 1.
	secret := authAnon(t, one.base).mustSignIn(seed.DemoAdminEmail, seed.DemoPassword)
	if !strings.HasPrefix(secret, "phs_") {
		t.Fatalf("session cookie %.8s…, want phs_…", secret)
	}
	on1, on2 := authWithCookie(t, one.base, secret), authWithCookie(t, two.base, secret)
	authWantViewer(t, "the cookie on process 1", on1, seed.DemoAdminEmail)
	// The same cookie works on process 2.
	authWantViewer(t, "the cookie on process 2", on2, seed.DemoAdminEmail)
	// So does an access token made on process 2, on process 1.
	var ct struct {
		CreateAccessToken struct{ Token *string }
	}
	if on2.post(`mutation { createAccessToken(input: {name: "replica"}) { token } }`, nil).data(t, "createAccessToken on process 2", &ct) && ct.CreateAccessToken.Token != nil {
		authWantViewer(t, "a token made on process 2, on process 1", authBearer(t, one.base, *ct.CreateAccessToken.Token), seed.DemoAdminEmail)
	} else {
		t.Error("createAccessToken on process 2 returned no token")
	}

	// Sign out on process 2: the cookie no longer works on process 1 (nor on 2).
	r := on2.post(`mutation { signOut { ok } }`, nil)
	var so struct{ SignOut struct{ Ok bool } }
	if !r.data(t, "signOut on process 2", &so) || !so.SignOut.Ok {
		t.Fatalf("signOut on process 2: %s", r.body)
	}
	authWantUnauthenticated(t, "the cookie on process 1 after signing out on process 2", on1)
	authWantUnauthenticated(t, "the cookie on process 2 after signing out there", on2)
}
