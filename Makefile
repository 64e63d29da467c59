# The two set-up commands of the README: `make demo` and `make test`.
# Both install missing Debian packages, configure and build in Release.
MAKEFLAGS += --no-print-directory
JOBS ?= $(shell nproc)
PRESET ?= release
BUILD_DIR := build/$(PRESET)
HEARTH := $(BUILD_DIR)/hearth

.PHONY: deps build demo test test-all debug asan tsan sanitize format clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

demo: build
	@$(HEARTH) run scenarios/baseline.json --out runs/baseline --force

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

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf build
