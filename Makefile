# dateline: the two set-up commands are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
PREFIX ?= /usr/local

.PHONY: all deps build demo test install clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) > $(BUILD).cmake.log 2>&1 || (cat $(BUILD).cmake.log; exit 1)
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@$(BUILD)/dateline demo --db dateline.db

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 900

install: build
	@cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD).cmake.log
