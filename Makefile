# dateline: the two set-up commands are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
PREFIX ?= /usr/local
PORT ?= 8080

.PHONY: all deps build demo test install clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) > $(BUILD).cmake.log 2>&1 || (cat $(BUILD).cmake.log; exit 1)
	@cmake --build $(BUILD) -j$(JOBS)

# Ingests samples/, prints what was found, then serves the web UI until Ctrl-C.
demo: build
	@$(BUILD)/dateline demo --db dateline.db; rc=$$?; [ $$rc -le 2 ] || exit $$rc
	@echo; echo "Serving the sample storyline (Ctrl-C to stop):"
	@$(BUILD)/dateline serve --db dateline.db --port $(PORT)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 900

install: build
	@cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD).cmake.log
