# Partnerhub. `make run` starts it with demo data; `make test` runs every test (SQLite and MariaDB).
SHELL := /bin/bash
GO ?= go
NPM ?= npm
ADDR ?= 127.0.0.1:8080
BENCH_DB ?= mysql://root@127.0.0.1:3306/partnerhub_bench

.PHONY: run test test-go test-frontend test-e2e check generate migration migration-hash frontend seed bench bench-web fmt

## run: build the web app and start Partnerhub on the embedded SQLite database, with demo data.
run: frontend
	$(GO) run . -demo -addr $(ADDR)

## test: everything CI runs: formatting, vet, generated code up to date, the web app's unit and
## end-to-end tests (headless Chromium against the real server on MariaDB), and the Go tests.
test: check test-frontend test-e2e test-go

test-go:
	$(GO) test -count=1 ./...

test-frontend: frontend/node_modules
	cd frontend && $(NPM) run typecheck && $(NPM) test

test-e2e: frontend/node_modules
	cd frontend && $(NPM) run e2e

## check: gofmt, go vet, and generated code (ent, gqlgen) matching the schema.
check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	@before=$$(find ent graph -type f -not -name '*_test.go' | sort | xargs sha1sum); \
	$(MAKE) --no-print-directory generate >/dev/null; \
	after=$$(find ent graph -type f -not -name '*_test.go' | sort | xargs sha1sum); \
	if [ "$$before" != "$$after" ]; then echo "generated code was stale: make generate has updated it; commit the result"; \
	  diff <(echo "$$before") <(echo "$$after"); exit 1; fi

## generate: ent (with entgql, writing graph/ent.graphql), then gqlgen.
generate:
	cd ent && $(GO) run -mod=mod entc.go
	$(GO) tool gqlgen generate --config gqlgen.yml

## migration NAME=add_x: write the migration from the last one to the current ent schema (both dialects;
## needs the local MySQL/MariaDB for a scratch database).
migration:
	@test -n "$(NAME)" || (echo "usage: make migration NAME=short_description"; exit 1)
	$(GO) run -mod=mod ./ent/migrate/migrations/diff.go $(NAME)

## migration-hash: recompute the migrations' atlas.sum after editing a new migration file by hand.
migration-hash:
	$(GO) run -mod=mod ./ent/migrate/migrations/hash.go

frontend/node_modules: frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	@touch frontend/node_modules

## frontend: build the web app and the explorer into frontend/dist.
frontend: frontend/node_modules
	cd frontend && $(NPM) run build

## seed: load the large data set (1,000,000 customers over 100 partners) into BENCH_DB.
seed:
	$(GO) run . seed -database $(BENCH_DB)

## bench: measure the list queries over HTTP on BENCH_DB (seeding it first when empty).
bench:
	$(GO) run ./graph/bench -database $(BENCH_DB)

## bench-web: the web app's budgets: initial JavaScript (gzipped) and the list screen's time to usable on
## the demo data, in headless Chromium against the real server (a scratch MariaDB database).
bench-web: frontend/node_modules
	cd frontend && $(NPM) run measure && $(NPM) run size

fmt:
	gofmt -w $$(git ls-files '*.go')
