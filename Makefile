# The two commands of README's Quick start, and a few helpers. Each installs what is missing first.
#   make run    open the app on the summit deck (the terminal session where there is no display)
#   make test   build and run the whole test suite
.PHONY: run test bench bench-short deps build build-asan test-asan format clean

JOBS ?= $(shell nproc)
DB ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)/citecard/collection.db

deps:
	@bash cmake/install-deps.sh

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS)

run: build
	@./build/bin/citecard build decks/summit-2023 --db "$(DB)"
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  ./build/bin/citecard-gui --db "$(DB)"; \
	else \
	  echo "No display found: starting the terminal study session instead."; \
	  ./build/bin/citecard study --db "$(DB)"; \
	fi

test: build
	@ctest --preset default -j $(JOBS)

build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

test-asan: build-asan
	@ctest --preset asan -j $(JOBS)

# Every benchmark, with the reference implementations, printing docs/performance.md's table.
bench:
	@bash tests/bench/run.sh

# The same at small sizes in seconds, without references: what the suite runs (label "bench").
bench-short:
	@bash tests/bench/run.sh --short

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp' '*.h')

clean:
	@rm -rf build build-asan
