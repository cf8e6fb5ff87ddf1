<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>ArtisansPage</name>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="34" />
        <source>Artisans</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="38" />
        <source>Import artisans CSV…</source>
        <translation>Impor CSV pengrajin…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="48" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="49" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="50" />
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="51" />
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="53" />
        <source>Commission</source>
        <translation>Komisi</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="58" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="72" />
        <source>CSV header: code,name,owner,phone,commission_percent</source>
        <translation>Kepala CSV: code,name,owner,phone,commission_percent</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="87" />
        <source>Import artisans</source>
        <translation>Impor pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="87" />
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/artisans_page.py" line="100" />
        <source>%1 added, %2 updated</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="35" />
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="36" />
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="37" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="38" />
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="39" />
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="46" />
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="49" />
        <source>Selected line</source>
        <translation>Baris terpilih</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="50" />
        <source>Whole sale</source>
        <translation>Seluruh penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="61" />
        <source>Line: %1</source>
        <translation>Baris: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="65" />
        <source>Amount (e.g. 10.000) or percentage (e.g. 10%)</source>
        <translation>Nominal (mis. 10.000) atau persen (mis. 10%)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="72" />
        <source>Remove discount</source>
        <translation>Hapus diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="100" />
        <source>Type an amount such as 10.000 or a percentage such as 10%</source>
        <translation>Ketik nominal seperti 10.000 atau persen seperti 10%</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="44" />
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="49" />
        <source>Scan the receipt barcode or type its number</source>
        <translation>Pindai barcode struk atau ketik nomornya</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="60" />
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="62" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="64" />
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="65" />
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="66" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="87" />
        <source>Reprint receipt</source>
        <translation>Cetak ulang struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="114" />
        <source>No sale with receipt %1</source>
        <translation>Tidak ada penjualan dengan struk %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="169" />
        <source>Reprinting %1</source>
        <translation>Mencetak ulang %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="81" />
        <source>Sell</source>
        <translation>Jual</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="82" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="83" />
        <source>Artisans</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="84" />
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="85" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="86" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="148" />
        <source>No business day open</source>
        <translation>Belum ada hari yang dibuka</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="153" />
        <source>Day %1 open · cash in drawer %2</source>
        <translation>Hari %1 buka · uang di laci %2</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="158" />
        <source>(no cashier)</source>
        <translation>(belum ada kasir)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="159" />
        <source>Cashier: %1</source>
        <translation>Kasir: %1</translation>
    </message>
</context>
<context>
    <name>OpenDayDialog</name>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="20" />
        <source>Open the business day</source>
        <translation>Buka hari penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="23" />
        <source>Opening cash float in the drawer (modal awal):</source>
        <translation>Modal awal uang tunai di laci:</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="31" />
        <source>Open day</source>
        <translation>Buka hari</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="43" />
        <source>Type the float in rupiah, e.g. 500.000</source>
        <translation>Ketik modal awal dalam rupiah, mis. 500.000</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="53" />
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="74" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="76" />
        <source>Still due</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="84" />
        <source>Amount (empty = the rest)</source>
        <translation>Jumlah (kosong = sisanya)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="90" />
        <source>Reference (QRIS, card, transfer)</source>
        <translation>Referensi (QRIS, kartu, transfer)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="97" />
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="98" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="99" />
        <source>Card (EDC)</source>
        <translation>Kartu (EDC)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="100" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="124" />
        <source>Customer from:</source>
        <translation>Asal pembeli:</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="137" />
        <source>Receipt:</source>
        <translation>Struk:</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="154" />
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="164" />
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="168" />
        <source>Done (Enter)</source>
        <translation>Selesai (Enter)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="185" />
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="186" />
        <source>Korea</source>
        <translation>Korea</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="187" />
        <source>France</source>
        <translation>Prancis</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="188" />
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="189" />
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="222" />
        <source>(tendered %1)</source>
        <translation>(diterima %1)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="234" />
        <source>Exact</source>
        <translation>Uang pas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="259" />
        <source>Not an amount: %1</source>
        <translation>Bukan jumlah uang: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="291" />
        <source>Change — receipt %1</source>
        <translation>Kembalian — struk %1</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="35" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="40" />
        <source>Filter by name, SKU, artisan or barcode</source>
        <translation>Saring menurut nama, SKU, pengrajin, atau barcode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="46" />
        <source>Import products CSV…</source>
        <translation>Impor CSV produk…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="48" />
        <source>Set photo…</source>
        <translation>Atur foto…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="49" />
        <source>Labels PDF…</source>
        <translation>PDF label…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="51" />
        <source>Buyer's catalogue PDF…</source>
        <translation>PDF katalog pembeli…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="63" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="64" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="65" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="66" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="68" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="73" />
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="74" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="75" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="95" />
        <source>CSV header: sku,name,artisan_code,category,price,stock,barcode</source>
        <translation>Kepala CSV: sku,name,artisan_code,category,price,stock,barcode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="130" />
        <source>Import products</source>
        <translation>Impor produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="130" />
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="143" />
        <source>%1 added, %2 updated</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="153" />
        <source>Select one product first</source>
        <translation>Pilih satu produk dulu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="157" />
        <source>Product photo</source>
        <translation>Foto produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="159" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="170" />
        <source>Photo saved</source>
        <translation>Foto disimpan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="175" />
        <source>Labels come with the printing update</source>
        <translation>Label tersedia bersama pembaruan cetak</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="178" />
        <source>The catalogue comes with the printing update</source>
        <translation>Katalog tersedia bersama pembaruan cetak</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="180" />
        <source>Parked carts</source>
        <translation>Keranjang tunda</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="191" />
        <source>%1 · %2 items · %3</source>
        <translation>%1 · %2 barang · %3</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="200" />
        <source>Recall</source>
        <translation>Panggil</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="203" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="122" />
        <source>Find a product</source>
        <translation>Cari produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="128" />
        <source>Type part of the name or SKU</source>
        <translation>Ketik sebagian nama atau SKU</translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="67" />
        <source>Scan or type a code · 3*CODE adds three</source>
        <translation>Pindai atau ketik kode · 3*KODE menambah tiga</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="72" />
        <source>Search (F2)</source>
        <translation>Cari (F2)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="112" />
        <source>Remove line (Del)</source>
        <translation>Hapus baris (Del)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="115" />
        <source>Discount (F4)</source>
        <translation>Diskon (F4)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="133" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="151" />
        <source>Pay (F12)</source>
        <translation>Bayar (F12)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="158" />
        <source>Park / Recall (F8)</source>
        <translation>Tunda / Panggil (F8)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="160" />
        <location filename="../../booth_pos/ui/sell_page.py" line="374" />
        <source>Cancel sale</source>
        <translation>Batalkan penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="267" />
        <source>%1 × %2 added. Recorded stock is only %3: check the shelf count.</source>
        <translation>%1 × %2 ditambahkan. Stok tercatat hanya %3: periksa jumlah di rak.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="322" />
        <source>Removed: %1</source>
        <translation>Dihapus: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="329" />
        <source>Scan something first</source>
        <translation>Pindai barang dulu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="346" />
        <source>Parked %1</source>
        <translation>Ditunda %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="354" />
        <source>Cart parked. Press F8 to recall it.</source>
        <translation>Keranjang ditunda. Tekan F8 untuk memanggilnya kembali.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="358" />
        <source>No parked carts</source>
        <translation>Tidak ada keranjang tunda</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="367" />
        <source>Cart recalled</source>
        <translation>Keranjang dipanggil kembali</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="375" />
        <source>Empty the cart? Nothing has been sold yet.</source>
        <translation>Kosongkan keranjang? Belum ada yang terjual.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="387" />
        <source>Cart emptied</source>
        <translation>Keranjang dikosongkan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="396" />
        <source>%1 items</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="399" />
        <source>discounts %1</source>
        <translation>diskon %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="409" />
        <source>Open the business day before selling</source>
        <translation>Buka hari penjualan sebelum berjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="424" />
        <source>Sale %1 done · change %2</source>
        <translation>Penjualan %1 selesai · kembalian %2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="34" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="48" />
        <source>Stand and event</source>
        <translation>Stan dan acara</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="49" />
        <source>Stand name</source>
        <translation>Nama stan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="50" />
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="51" />
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="52" />
        <source>First day (YYYY-MM-DD)</source>
        <translation>Hari pertama (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="53" />
        <source>Last day (YYYY-MM-DD)</source>
        <translation>Hari terakhir (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="54" />
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="55" />
        <source>Till code</source>
        <translation>Kode kasir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="56" />
        <source>Contact for bulk orders</source>
        <translation>Kontak pesanan grosir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="58" />
        <source>Receipts</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="59" />
        <source>Header lines</source>
        <translation>Baris kepala</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="60" />
        <source>Footer lines</source>
        <translation>Baris penutup</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="64" />
        <source>Receipt language</source>
        <translation>Bahasa struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="68" />
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="70" />
        <source>Reference currency (e.g. EUR)</source>
        <translation>Mata uang acuan (mis. EUR)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="71" />
        <source>Rupiah per unit of that currency</source>
        <translation>Rupiah per satuan mata uang itu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="73" />
        <source>Till</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="77" />
        <source>Window language</source>
        <translation>Bahasa tampilan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="80" />
        <source>Customer origins (codes, comma separated)</source>
        <translation>Asal pembeli (kode, dipisah koma)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="81" />
        <source>Discounts above this need a supervisor</source>
        <translation>Diskon di atas ini perlu supervisor</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="83" />
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="87" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="89" />
        <source>PDF folder</source>
        <translation>Folder PDF</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="90" />
        <source>System printer</source>
        <translation>Printer sistem</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="91" />
        <source>ESC/POS thermal printer</source>
        <translation>Printer thermal ESC/POS</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="97" />
        <source>Folder, printer name, or address (host:9100, usb:VID:PID, /dev/…)</source>
        <translation>Folder, nama printer, atau alamat (host:9100, usb:VID:PID, /dev/…)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="99" />
        <source>Test print</source>
        <translation>Cetak uji</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="104" />
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="105" />
        <source>Second folder (e.g. a USB stick)</source>
        <translation>Folder kedua (mis. flashdisk)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="106" />
        <source>Every N minutes</source>
        <translation>Setiap N menit</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="113" />
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="188" />
        <source>Settings saved</source>
        <translation>Pengaturan disimpan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="205" />
        <source>Test page sent to the printer</source>
        <translation>Halaman uji dikirim ke printer</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../booth_pos/ui/pages.py" line="33" />
        <source>End of day comes here.</source>
        <translation>Tutup hari ada di sini.</translation>
    </message>
</context>
</TS>