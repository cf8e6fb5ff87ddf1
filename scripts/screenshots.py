"""Take the README's screenshots of the till on a real X server at the stand's 1366x768.

    python scripts/screenshots.py [OUT_DIR]        # default docs/img

It starts ``Xvfb :NN -screen 0 1366x768x24`` and the ``openbox`` window manager (so the
window is really maximised, with a title bar, as on the laptop), runs the till in a child
process on that display, types into it with ``xdotool`` at scanner speed and grabs the
whole screen with ImageMagick's ``import -window root``. Missing Debian packages (xvfb,
xdotool, imagemagick, openbox and the xcb libraries Qt's X11 plugin needs) are installed
with apt-get when run as root.

Writes, in Indonesian (``_id``) and English (``_en``): ``sell_*.png`` (mid-sale),
``payment_*.png`` (QRIS and cash tenders listed, total and change, the confirm button not
yet pressed), ``day_*.png`` (the live day, 12 artisans and the total) and
``history_*.png`` (a partly refunded sale selected); on a new, empty database the first-run
setup: ``setup_stand_*``, ``setup_event_*`` (a last day before the first, refused beside
the field), ``setup_till_*``, ``setup_fill_*``, and the import's ``import_preview_*`` (rows
to add) and ``import_problems_*`` (every problem by line and column).
Look at every PNG after a change to a screen.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = "1366x768"
NOW = "2023-03-02T14:35:00+07:00"
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick", "openbox": "openbox"}
LIBS = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
}
SCANNER_DELAY_MS = "8"  # a USB scanner types a 13-digit code and Enter in about 0.1 s
PERSON_DELAY_MS = "80"  # a cashier typing an amount (dialogs refuse keys under 30 ms apart)


# -- the X server (parent process) --------------------------------------------------------------


def missing_packages() -> list[str]:
    missing = [pkg for tool, pkg in TOOLS.items() if shutil.which(tool) is None]
    libs = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    missing += [pkg for lib, pkg in LIBS.items() if lib not in libs]
    return missing


def ensure_packages() -> None:
    """Install what is missing with apt-get (one `apt-get update` first)."""
    missing = missing_packages()
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        raise SystemExit(f"screenshots need these Debian packages: {' '.join(missing)}")
    print("installing", " ".join(missing), flush=True)
    subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing],
        check=True,
        stdout=subprocess.DEVNULL,
        env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
    )


def free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise SystemExit("no free X display number")


def wait_for(check, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.1)


def run_on_x(out: Path, modes: tuple[str, ...] = ("--child", "--setup-child")) -> None:
    ensure_packages()
    n = free_display()
    display = f":{n}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{SIZE}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wm = None
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{n}").exists(), "Xvfb")
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", BOOTH_POS_NOW=NOW)
        env.pop("WAYLAND_DISPLAY", None)
        wm = subprocess.Popen(
            ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(1.0)  # openbox takes the screen before the till maps its window
        for lang in ("id", "en"):
            for mode in modes:
                subprocess.run(
                    [sys.executable, __file__, mode, lang, str(out)], env=env, check=True
                )
    finally:
        for proc in (wm, xvfb):
            if proc is not None:
                proc.terminate()
                proc.wait(10)


# -- the till on that display (child process) ---------------------------------------------------


def child(lang: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from booth_pos import printing
    from booth_pos.app import build_window
    from booth_pos.clock import Clock
    from booth_pos.model import Cart, Discount, Method, Tender
    from booth_pos.services import corrections, days, demo, selling, staff
    from booth_pos.store import open_store

    app = QApplication.instance() or QApplication([])

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def xdotool(*args: str) -> None:
        """Run xdotool while the till keeps handling the keys it sends."""
        proc = subprocess.Popen(["xdotool", *args])
        while proc.poll() is None:
            app.processEvents()
            time.sleep(0.005)
        settle(0.2)

    def scan(text: str) -> None:
        xdotool("type", "--delay", SCANNER_DELAY_MS, text)
        xdotool("key", "Return")

    def shoot(name: str) -> None:
        settle(0.3)
        printing.wait_for_printing(10)
        settle(0.2)
        window.statusBar().clearMessage()  # "Receipt printed: /tmp/booth-shots-…/….pdf"
        settle(0.3)
        path = out / f"{name}_{lang}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(path, flush=True)

    db = Path(tempfile.mkdtemp(prefix="booth-shots-")) / "booth.sqlite"
    store = open_store(db)  # the stand first, so the window's title names it
    demo.load_stand(store, Clock(datetime.fromisoformat("2023-03-01T09:00:00+07:00")))
    demo.simulate(store, 1, 60)
    store.close()
    window = build_window(db, lang)
    window.ctx.cashier = "Rina"  # signed in: no sign-in dialog over the screens
    store, clock = window.ctx.store, window.ctx.clock
    cost = staff.PinCost(n=16, r=1, p=1)  # screenshots only: a cheap PIN hash
    staff.add_staff(store, "Dewi", "supervisor", "2468", clock, cost=cost)
    staff.add_staff(store, "Rina", "cashier", "1111", clock, supervisor="Dewi",
                    supervisor_pin="2468", cost=cost)  # fmt: skip
    # Today, day 2: the morning's sales across every artisan, one refunded in part.
    day_start = datetime.fromisoformat("2023-03-02T10:00:00+07:00")
    day_clock = Clock(day_start)
    days.open_day(store, day_clock, 500_000)
    rng = random.Random(2)
    products = store.products.all()
    by_artisan = {}
    for p in products:
        by_artisan.setdefault(p.artisan_code, p)
    picks = list(by_artisan.values()) + rng.sample(products, 18)
    refund_me = None
    for i, product in enumerate(picks):
        day_clock.set(day_start + timedelta(minutes=8 * i))
        origin = rng.choice(["ID"] * 6 + ["KR", "FR", "IN"])
        cart = Cart(cashier="Rina", origin=origin, lang="id" if origin == "ID" else "en")
        cart.add(product, 3 if i == 4 else rng.choice([1, 1, 2]))
        total = cart.total
        if i % 3 == 0:
            tenders = [Tender(Method.QRIS)]
        else:
            tenders = [Tender(Method.CASH, -(-total // 50_000) * 50_000)]
        sale = selling.complete(store, cart, tenders, day_clock)
        if i == 4:
            refund_me = sale
    day_clock.set(day_start + timedelta(hours=4, minutes=20))
    corrections.refund(store, refund_me.receipt_no, lines={1: 1}, reason="jahitan lepas",
                       supervisor="Dewi", pin="2468", clock=day_clock, cashier="Rina")  # fmt: skip
    window.ctx.bus.data_changed.emit()
    window.ctx.bus.day_changed.emit()
    window.show()  # maximised on this 1366x768 screen by the window itself
    settle(1.5)
    window.activateWindow()
    window.sell_page.focus_scan()
    settle(0.5)

    # 1. Mid-sale: four scans, one a barcode, a line discount, an unknown code's warning.
    for code in ("ECO-01", "2*BKR-05", store.products.by_code("DMP-01").barcode, "SLM-02"):
        scan(code)
    page = window.sell_page
    page.model.cart.set_line_discount(0, Discount("percent", 1000))
    page.model.changed()
    scan("ZZZ-404")
    page.table.selectRow(0)
    page.focus_scan()
    shoot("sell")

    # 2. The payment dialog as the cashier leaves it for the customer to check: QRIS
    #    300.000 with its reference, then 400.000 cash typed and Enter (cash); both tenders
    #    listed, the change in large digits, the confirm button waiting. Then confirmed.
    page.pay()
    settle(0.8)
    dialog = page.payment_dialog
    origin = "origin_ID" if lang == "id" else "origin_FR"
    dialog.findChild(type(dialog.origin_group.buttons()[0]), origin).click()
    dialog.reference_input.setText("QR-88213")
    dialog.amount_input.setFocus()
    settle(0.2)
    xdotool("type", "--delay", PERSON_DELAY_MS, "300.000")
    dialog.method_buttons[Method.QRIS].click()
    settle(0.2)
    xdotool("type", "--delay", PERSON_DELAY_MS, "400.000")
    settle(0.2)  # a person's pause before Enter: the scan guard refuses a burst
    xdotool("key", "Return")
    tenders = [(t.method, t.amount) for t in dialog.presenter.tenders]
    if tenders != [(Method.QRIS, 300_000), (Method.CASH, 400_000)] or dialog.sale is not None:
        raise SystemExit(f"payment shot: tenders {tenders}, sale {dialog.sale}")
    if not dialog.confirm_button.isEnabled():
        raise SystemExit("payment shot: the confirm button is not waiting")
    shoot("payment")
    xdotool("key", "Return")  # Enter on the confirm button: the sale is committed
    if dialog.sale is None:
        raise SystemExit("payment shot: the confirm did not commit the sale")
    xdotool("key", "Return")  # Done
    settle(0.5)

    # 3. The Day page: the live day, every artisan and the total.
    window.show_page("day")
    shoot("day")

    # 4. Sales history with the partly refunded sale open.
    window.show_page("history")
    history = window.page("history")
    settle(0.3)
    for row, entry in enumerate(history.model.rows):
        if entry.sale.receipt_no == refund_me.receipt_no:
            history.table.selectRow(row)
            break
    shoot("history")

    # 5. Goods in: the ecoprint artisan's second bag, scanned into an intake note.
    window.show_page("products")
    settle(0.3)
    intake = window.page("products").goods_in()
    intake.artisan.setCurrentIndex(intake.artisan.findData("ECO"))
    intake.note_text.setText("Tas kedua" if lang == "id" else "Second bag")
    intake.scan.setFocus()
    settle(0.4)
    for code in ("3*ECO-01", store.products.by_code("ECO-02").barcode, "ECO-02", "2*ECO-04"):
        scan(code)
    if len(intake.lines) != 3:
        raise SystemExit(f"intake shot: lines {list(intake.lines)}")
    shoot("intake")
    intake.reject()
    settle(0.3)

    # 6. A payout: the day's cash to the batik artisan's daughter, a supervisor's PIN.
    window.show_page("day")
    settle(0.3)
    payout = window.page("day").ask_payout()
    payout.artisan.setCurrentIndex(payout.artisan.findData("BKR"))
    payout.amount.setFocus()
    settle(0.3)
    xdotool("type", "--delay", PERSON_DELAY_MS, "250.000")
    if payout.supervisor is not None:
        payout.supervisor.pin.setText("2468")
    shoot("payout_dialog")
    payout.reject()
    window.close()
    settle(0.3)


def setup_child(lang: str, out: Path) -> None:
    """The first run on a new, empty database: the setup's steps and the import preview."""
    from PySide6.QtWidgets import QApplication

    from booth_pos import resources
    from booth_pos.app import build_window

    app = QApplication.instance() or QApplication([])

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def person(text: str) -> None:
        proc = subprocess.Popen(["xdotool", "type", "--delay", PERSON_DELAY_MS, text])
        while proc.poll() is None:
            app.processEvents()
            time.sleep(0.005)
        settle(0.2)

    def field(key: str):
        widget = page.fields[key]
        widget.setFocus()
        widget.selectAll()
        settle(0.1)
        return widget

    def shoot(name: str) -> None:
        settle(0.5)
        window.statusBar().clearMessage()
        settle(0.2)
        path = out / f"{name}_{lang}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(path, flush=True)

    work = Path(tempfile.mkdtemp(prefix="booth-setup-"))
    window = build_window(work / "booth.sqlite", lang)
    window.show()
    settle(1.5)
    window.activateWindow()
    page = window.setup_page
    if page is None:
        raise SystemExit("setup shot: a new database did not open the setup")
    field("stand_name")
    person("Dekranasda Kota Cilegon")
    field("event_name")
    person("Ina Craft 2023")
    field("venue")
    person("JCC Hall B, Stand 112")
    shoot("setup_stand")
    page.next()
    settle(0.3)
    field("event_start")
    person("2023-03-05")
    field("event_end")
    person("2023-03-01")
    page.next()  # refused beside the field: the last day is before the first
    shoot("setup_event")
    field("event_start")
    person("2023-03-01")
    field("event_end")
    person("2023-03-05")
    if not page.next():
        raise SystemExit("setup shot: the event's days were refused")
    settle(0.3)
    field("printer_target")
    person(str(work / "struk"))
    page.test_print_button.click()
    settle(2.0)  # the sample receipt goes to the folder on the printing thread
    shoot("setup_till")
    page.next()
    settle(0.3)
    flow = page.preview_file("artisans", resources.path("demo", "artisans.csv"))
    flow.confirm()
    settle(0.3)
    bad = work / "produk.csv"
    lines = resources.path("demo", "products.csv").read_text(encoding="utf-8").splitlines()
    for line, column, value in ((3, 2, "ECX"), (7, 4, "Rp 225.000,50"), (9, 5, "tiga")):
        cells = lines[line].split(";")
        cells[column] = value
        lines[line] = ";".join(cells)
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flow = page.preview_file("products", bad)
    flow.reading.result(30)
    settle(0.8)
    shoot("import_problems")
    flow.dialog.reject()
    settle(0.3)
    flow = page.preview_file("products", resources.path("demo", "products.csv"))
    flow.reading.result(30)
    settle(0.8)
    flow.confirm().result(30)
    settle(0.8)
    shoot("setup_fill")
    if not page.next() or window.in_setup():
        raise SystemExit("setup shot: finishing did not open the till")
    settle(0.5)
    # Later, on the Products page: the artisan's second list, new goods and a new price.
    window.show_page("products")
    settle(0.3)
    more = work / "produk-tambahan.csv"
    more.write_text(
        "sku;name;artisan_code;category;price;stock;barcode\n"
        "ECO-01;Selendang Ecoprint Daun Jati;ECO;Ecoprint;Rp 295.000;12;\n"
        "ECO-02;Kain Ecoprint Sutra 2 m;ECO;Ecoprint;Rp 650.000;10;\n"
        "ECO-06;Dompet Ecoprint Kulit;ECO;Ecoprint;Rp 185.000;8;\n"
        "ECO-07;Topi Ecoprint Pandan;ECO;Ecoprint;Rp 95.000;12;\n"
        "ECO-08;Taplak Meja Ecoprint;ECO;Ecoprint;Rp 320.000;4;\n",
        encoding="utf-8",
    )
    flow = window.page("products").preview_file(more)
    flow.reading.result(30)
    settle(0.8)
    shoot("import_preview")
    flow.dialog.reject()
    window.close()
    settle(0.3)


def display_child(lang: str, out: Path) -> None:
    """The customer display over the till (one screen: the window the cashier turns to the
    customer): ``display_qris_*`` with a QRIS tender waiting, ``display_done_*`` after a cash
    sale (a Korean customer in ``_id``, an Indian one in ``_en``: Hangul and Devanagari)."""
    from PySide6.QtWidgets import QApplication

    from booth_pos.app import build_window
    from booth_pos.clock import Clock
    from booth_pos.model import Method
    from booth_pos.services import days, demo
    from booth_pos.services import settings as settings_service
    from booth_pos.store import open_store

    sys.path.insert(0, str(ROOT / "tests"))
    from helpers.qris_sample import STATIC

    app = QApplication.instance() or QApplication([])

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def xdotool(*args: str) -> None:
        proc = subprocess.Popen(["xdotool", *args])
        while proc.poll() is None:
            app.processEvents()
            time.sleep(0.005)
        settle(0.2)

    def scan(text: str) -> None:
        xdotool("type", "--delay", SCANNER_DELAY_MS, text)
        xdotool("key", "Return")

    def shoot(name: str) -> None:
        settle(0.6)
        path = out / f"{name}_{lang}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(path, flush=True)

    origin, currency, rate = ("KR", "KRW", "11,85") if lang == "id" else ("IN", "INR", "190")
    db = Path(tempfile.mkdtemp(prefix="booth-shots-")) / "booth.sqlite"
    store = open_store(db)
    demo.load_stand(store, Clock(datetime.fromisoformat("2023-03-01T09:00:00+07:00")))
    current = settings_service.current(store)
    texts = settings_service.as_texts(current)
    texts.update(qris_payload=STATIC, ref_currency=currency, ref_rate=rate)
    settings_service.save(store, settings_service.from_texts(current, texts))
    days.open_day(store, Clock(datetime.fromisoformat(NOW)), 500_000)
    store.close()
    window = build_window(db, lang)
    window.ctx.cashier = "Rina"
    window.show()
    settle(1.5)
    window.activateWindow()
    page = window.sell_page
    page.focus_scan()
    settle(0.5)
    xdotool("key", "F9")  # the customer display, from the scan field
    settle(1.0)
    if app.focusWidget() is not page.scan_input:
        raise SystemExit(f"display shot: the scan field lost the keyboard to {app.focusWidget()}")
    barcode = window.ctx.store.products.by_code("DMP-01").barcode
    for code in ("ECO-01", "2*BKR-05", barcode):
        scan(code)  # typed into the till with the display open: it must keep ringing up
    if len(page.model.cart.lines) != 3:
        raise SystemExit(f"display shot: cart {page.model.cart.lines}")
    page.pay()
    settle(0.8)
    dialog = page.payment_dialog
    dialog.findChild(type(dialog.origin_group.buttons()[0]), "origin_ID").click()
    dialog.method_buttons[Method.QRIS].click()  # the whole amount by QRIS, waiting
    settle(0.5)
    shoot("display_qris")
    dialog.remove_tender_button.setEnabled(True)
    dialog.tender_list.setCurrentRow(0)
    dialog.remove_tender()  # the customer pays cash after all
    dialog.findChild(type(dialog.origin_group.buttons()[0]), f"origin_{origin}").click()
    dialog.amount_input.setText("550.000")
    dialog.pay(Method.CASH)
    settle(0.3)
    dialog.confirm()
    settle(0.3)
    if dialog.sale is None:
        raise SystemExit("display shot: the cash sale was not committed")
    dialog.accept()
    settle(0.5)
    shoot("display_done")
    window.close()
    settle(0.3)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1], Path(argv[2]))
        return 0
    if argv[:1] == ["--setup-child"]:
        setup_child(argv[1], Path(argv[2]))
        return 0
    if argv[:1] == ["--display-child"]:
        display_child(argv[1], Path(argv[2]))
        return 0
    only_display = "--display" in argv  # just the customer display's shots
    argv = [a for a in argv if a != "--display"]
    out = Path(argv[0]) if argv else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    modes = (
        ("--display-child",) if only_display else ("--child", "--setup-child", "--display-child")
    )
    run_on_x(out.resolve(), modes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
