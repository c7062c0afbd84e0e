# infoplot: `make` sets up, builds and runs the main job; `make test` sets up and runs the tests.
SHELL := /bin/bash
DEB_PACKAGES := pkg-config libdeflate-dev libcairo2-dev libharfbuzz-dev libfreetype-dev \
	libfontconfig-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
	poppler-utils qpdf librsvg2-bin fonts-dejavu-core fonts-texgyre fonts-texgyre-math fonts-lmodern fonts-stix \
	libhyphen-dev hyphen-en-us
# infoplot shapes text with HarfBuzz itself; only the raw-cairo floor in ../shared/bench-peers
# (`make bench`) is written against Pango.
BENCH_PACKAGES := libpango1.0-dev
# Swift is on PATH where /etc/profile.d was read; a bare CI shell may only have /opt/swift.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
OUT ?= output
BIN := .build/release/infoplot

.PHONY: all deps build run examples test bench browser-check fuzz clean readme-images update-references themes catalogue

all: deps build run

# Install only what is missing, so a machine that has everything stays quiet (and needs no network).
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# SwiftPM's progress lines are dropped so a clean build prints nothing; errors and warnings stay.
# One SwiftPM notice goes too: "prohibited flag(s): -pthread" says SwiftPM dropped the -pthread
# that glib's pkg-config file (under cairo and harfbuzz) adds; Swift links threads anyway.
# And one linker note from the toolchain's static Foundation (glibc flags its own use of mktemp).
QUIET := grep -vE '^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write|^Fetching|^Cloning|^Computing|^Computed|^Creating|^Working copy|^Fetched|^Build complete|^Build of product|started\.$$|^warning: prohibited flag\(s\): (-pthread(, )?)+$$|^/[^ ]*/swift_static/linux/libFoundationEssentials\.a\(Data\+Writing\.swift\.o\).*the use of .mktemp. is dangerous' || true

# The Swift runtime and Foundation are linked statically: every infoplot process then starts in
# about 6 ms of CPU instead of 15 (no dynamic symbol binding of 40 shared libraries), which is a
# tenth of drawing a figure; the binary grows from 25 to 96 MB (ICU's data comes along).
build: deps
	@set -o pipefail; $(SWIFT) build -c release --product infoplot --static-swift-stdlib 2>&1 | { $(QUIET); }

run: build
	@$(BIN) build --notes --out $(OUT)
	@$(MAKE) --no-print-directory examples

# Every user-style spec in Examples/: all formats in light, PNG in dark and print to look at.
examples: build
	@set -e; for f in Examples/*.yaml; do \
		$(BIN) plot $$f --out $(OUT)/examples >/dev/null; \
		$(BIN) plot $$f --theme dark --format png --out $(OUT)/examples/dark >/dev/null; \
		$(BIN) plot $$f --theme print --format png --out $(OUT)/examples/print >/dev/null; \
	done

test: deps
	@set -o pipefail; $(SWIFT) test 2>&1 | { $(QUIET); }

bench: build
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BENCH_PACKAGES)"
	@.ci/bench

# Every SVG of `make` (figures, handout pages, examples) and every figure and example as --theme auto,
# opened in headless Chromium in the light and the dark scheme (Scripts/svg-in-chromium.py says what
# it checks). Not part of `make test`: it installs Chromium.
BROWSER_PACKAGES := chromium chromium-driver python3-selenium python3-pil
browser-check: run
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BROWSER_PACKAGES)"
	@set -e; rm -rf $(OUT)/auto; \
		$(BIN) figure --all --theme auto --format svg --out $(OUT)/auto >/dev/null; \
		for f in Examples/*.yaml; do $(BIN) plot $$f --theme auto --format svg --out $(OUT)/auto/examples >/dev/null; done; \
		/usr/bin/python3 Scripts/svg-in-chromium.py $(OUT)

# libFuzzer on the TeX parser, the JSONL requests, the template front end and the plot spec parser,
# seeded from the tests' inputs, FUZZ_SECONDS (default 60) per target; not part of `make test`.
fuzz: deps
	@SWIFT=$(SWIFT) Fuzz/run-fuzz.sh

# Rewrites Tests/ReferenceImageTests/References/ from the current renderer (look at them first).
update-references: deps
	@set -o pipefail; UPDATE_REFERENCES=1 $(SWIFT) test --filter ReferenceImageTests 2>&1 | { $(QUIET); }

# The built-in themes are Themes/*.yaml: after editing one, regenerate the Swift they compile into
# (ThemeFileTests fails until you do). Needs python3-yaml.
themes:
	python3 Scripts/generate-themes.py

# The catalogue figures drawn by the grammar are Catalogue/*.yaml: after editing one, regenerate
# the Swift that embeds them (BuiltInSpecTests fails until you do).
catalogue:
	python3 Scripts/generate-catalogue.py

clean:
	rm -rf .build $(OUT)/*
	touch $(OUT)/.gitkeep

# The README's gallery images (committed under .readme/ so the README shows them without a build).
readme-images: build
	@for f in entropy-curve kl-fits entropy-venn gaussian-kl-surface; do \
		$(BIN) figure $$f --format png --dpi 110 -o .readme/$$f.png >/dev/null; done
	@for f in renyi-entropy loss-curve; do \
		$(BIN) plot Examples/$$f.yaml --format png --dpi 110 -o .readme/$$f.png >/dev/null; done
	@# The house style section: a handout's first page and a deck's title slide in Examples/house-style.
	@$(BIN) handout Templates/02-cross-entropy-and-kl.md --style Examples/house-style/house.yaml -o /tmp/infoplot-style-handout.pdf
	@pdftoppm -png -r 80 -f 1 -l 1 -singlefile /tmp/infoplot-style-handout.pdf .readme/style-handout
	@$(BIN) handout Templates/slides/mutual-information.md --style Examples/house-style/house.yaml -o /tmp/infoplot-style-deck.pdf
	@pdftoppm -png -r 60 -f 10 -l 10 -singlefile /tmp/infoplot-style-deck.pdf .readme/style-slide
