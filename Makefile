# One entry point for newcomers, CI and packaging.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEB_PACKAGES := libzbar0 libxcb-cursor0 libpulse0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
	libegl1 libgl1 libdbus-1-3 libfontconfig1 poppler-utils xvfb xauth cups printer-driver-cups-pdf \
	dbus-daemon gnome-keyring chromium chromium-driver chromium-l10n cmake g++ make
export QT_QPA_PLATFORM ?= offscreen
# The part of the suite that runs a second time with the clock moved CLOCK_SHIFT_DAYS ahead (time bombs).
NON_GUI_TESTS := tests/core tests/storage tests/documents tests/cli tests/sync tests/server
CLOCK_SHIFT_DAYS := 400

.PHONY: setup system-packages test lint typecheck layers run demo forms designer translations bundle bench clean

system-packages:
	@bash tools/install-system-packages.sh $(DEB_PACKAGES)

$(STAMP): pyproject.toml
	$(MAKE) system-packages
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) forms translations

# The Qt Designer forms of ui/ turned into counter_app/gui/forms/ui_*.py (committed; see ui/README.md).
forms: $(STAMP)
	$(BIN)/python tools/build_forms.py

# Qt Designer on every form, showing the project's own form widgets (ui/plugins); run `make forms` after saving.
designer: $(STAMP)
	QT_QPA_PLATFORM= PYSIDE_DESIGNER_PLUGINS=ui/plugins \
		PYTHONPATH=.:$$($(BIN)/python -c 'import site; print(site.getsitepackages()[0])') \
		$(BIN)/pyside6-designer ui/*.ui

translations: $(STAMP)
	$(BIN)/python tools/build_translations.py

lint: $(STAMP)
	$(BIN)/ruff check counter_app tests bench tools
	$(BIN)/ruff format --check counter_app tests bench tools

typecheck: $(STAMP)
	$(BIN)/mypy counter_app/core counter_app/storage counter_app/sync counter_app/server counter_app/app

layers: $(STAMP)
	$(BIN)/lint-imports

test: setup lint typecheck layers
	bash tools/start-cups-pdf.sh
	$(BIN)/python -m pytest -q --fail-on-skip
	$(BIN)/python -m pytest -q --fail-on-skip --clock-shift $(CLOCK_SHIFT_DAYS) $(NON_GUI_TESTS)

run: setup
	QT_QPA_PLATFORM= $(BIN)/counter-app --demo

bench: setup
	$(BIN)/python -m bench.run_all

# The counter PC bundle, dist/counter-app/ (on Linux from build/bundle-env with OpenCV built for the counter).
bundle: setup
	$(BIN)/python tools/bundle.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
