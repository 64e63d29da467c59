# The two set-up commands of the README: `make demo` and `make test`.
# Both install missing Debian packages, configure and build in Release.
MAKEFLAGS += --no-print-directory
JOBS ?= $(shell nproc)
PRESET ?= release
BUILD_DIR := build/$(PRESET)
HEARTH := $(BUILD_DIR)/hearth

.PHONY: deps build demo test test-all install debug asan tsan sanitize fuzz format clean

deps:
	@bash scripts/install-deps.sh

# A checkout copied or moved with its build/ keeps a CMake cache naming the
# old path, which CMake refuses; the script removes such a cache first.
build: deps
	@bash scripts/reset-stale-cmake-cache.sh $(BUILD_DIR) $(CURDIR)
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

demo: build
	@$(HEARTH) run scenarios/baseline.json --out runs/baseline --force

# hearth into $(PREFIX)/bin: `make install PREFIX=$$HOME/.local` needs no root.
PREFIX ?= /usr/local
install: build
	@cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# Fast tests by default; `make test-all` adds the [slow] ones.
test: build
	@ctest --preset $(PRESET) -j $(JOBS)

test-all: build
	@ctest --preset $(PRESET)-all -j $(JOBS)

# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer, and
# under ThreadSanitizer (CI runs both after `make test`).
asan:
	@$(MAKE) test PRESET=asan

tsan:
	@$(MAKE) test PRESET=tsan

sanitize: asan tsan

debug:
	@$(MAKE) build PRESET=debug

# Bounded fuzzing: each libFuzzer target for FUZZ_SECONDS (default 60) from
# its seed corpus; new inputs go to build/fuzz/corpus, crashes to build/fuzz/.
FUZZ_SECONDS ?= 60
fuzz:
	@HEARTH_WITH_FUZZ=1 bash scripts/install-deps.sh
	@bash scripts/reset-stale-cmake-cache.sh build/fuzz $(CURDIR)
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@for target in scenario checkpoint asc sweep tracts; do \
	  mkdir -p build/fuzz/corpus/$$target; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  build/fuzz/tests/fuzz/fuzz_$$target build/fuzz/corpus/$$target tests/fuzz/corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/crash-$$target- >build/fuzz/$$target.log 2>&1 \
	    || { tail -40 build/fuzz/$$target.log; exit 1; }; \
	  grep -E "^Done [0-9]+ runs" build/fuzz/$$target.log | tail -1; \
	done

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf build
