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
        <location filename="../../booth_pos/ui/cart_model.py" line="42" />
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="43" />
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="44" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="45" />
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/cart_model.py" line="46" />
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="291" />
        <source>Buyer's catalogue</source>
        <translation>Katalog pembeli</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="299" />
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="303" />
        <source>Buyer's currency (optional)</source>
        <translation>Mata uang pembeli (opsional)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="307" />
        <source>Rupiah per unit</source>
        <translation>Rupiah per satuan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="327" />
        <source>Save catalogue</source>
        <translation>Simpan katalog</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="702" />
        <source>Close the business day</source>
        <translation>Tutup hari penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="712" />
        <source>Day %1: count the cash in the drawer, note by note and coin by coin, or type the total.</source>
        <translation>Hari %1: hitung uang di laci per lembar dan per keping, atau ketik totalnya.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="720" />
        <source>Note / coin</source>
        <translation>Uang kertas / koin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="721" />
        <source>Pieces</source>
        <translation>Keping</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="722" />
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="726" />
        <source>note</source>
        <translation>lembar</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="726" />
        <source>coin</source>
        <translation>koin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="741" />
        <source>Expected in drawer</source>
        <translation>Seharusnya di laci</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="745" />
        <source>Counted</source>
        <translation>Dihitung</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="748" />
        <source>total counted, e.g. 1.250.000</source>
        <translation>total terhitung, mis. 1.250.000</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="752" />
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="764" />
        <source>Close the day</source>
        <translation>Tutup hari</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="796" />
        <source>type or count the cash</source>
        <translation>ketik atau hitung uangnya</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="803" />
        <source>SHORT by %1</source>
        <translation>KURANG %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="805" />
        <source>over by %1</source>
        <translation>lebih %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="807" />
        <source>balanced: %1</source>
        <translation>pas: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="816" />
        <source>Type the counted cash in rupiah.</source>
        <translation>Ketik uang terhitung dalam rupiah.</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="186" />
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="192" />
        <source>Open day…</source>
        <translation>Buka hari…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="196" />
        <source>Close day…</source>
        <translation>Tutup hari…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="212" />
        <location filename="../../booth_pos/ui/day_page.py" line="295" />
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="213" />
        <source>Net sales</source>
        <translation>Penjualan bersih</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="214" />
        <source>Average sale</source>
        <translation>Rata-rata penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="215" />
        <location filename="../../booth_pos/ui/day_page.py" line="246" />
        <source>Commission</source>
        <translation>Komisi</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="216" />
        <source>Cash expected in drawer</source>
        <translation>Tunai seharusnya di laci</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="217" />
        <source>Cash difference</source>
        <translation>Selisih kas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="231" />
        <source>Per artisan: what each one sold and is paid</source>
        <translation>Per pengrajin: yang terjual dan yang dibayarkan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="234" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="235" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="236" />
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="237" />
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="238" />
        <source>Discounts</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="239" />
        <location filename="../../booth_pos/ui/day_page.py" line="262" />
        <source>Refunds</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="240" />
        <location filename="../../booth_pos/ui/day_page.py" line="296" />
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="242" />
        <source>Comm. %</source>
        <translation>Komisi %</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="247" />
        <source>Payout</source>
        <translation>Dibayarkan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="257" />
        <source>Payments (cash net of change)</source>
        <translation>Pembayaran (tunai setelah kembalian)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="260" />
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="261" />
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="270" />
        <source>Cash drawer</source>
        <translation>Laci kas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="274" />
        <source>Opening float</source>
        <translation>Modal awal</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="275" />
        <source>+ Cash received</source>
        <translation>+ Tunai diterima</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="276" />
        <source>− Cash refunds</source>
        <translation>− Retur tunai</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="277" />
        <source>= Expected in drawer</source>
        <translation>= Seharusnya di laci</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="278" />
        <source>Counted at close</source>
        <translation>Dihitung saat tutup</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="279" />
        <location filename="../../booth_pos/ui/day_page.py" line="298" />
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="289" />
        <source>All days of the event</source>
        <translation>Semua hari acara</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="293" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="294" />
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="294" />
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="317" />
        <source>No sales yet</source>
        <translation>Belum ada penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="323" />
        <source>Export PDF report…</source>
        <translation>Ekspor laporan PDF…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="326" />
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="329" />
        <source>Artisan statements PDF…</source>
        <translation>PDF pernyataan pengrajin…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="368" />
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="369" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="370" />
        <source>Card (EDC)</source>
        <translation>Kartu (EDC)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="371" />
        <source>Bank transfer</source>
        <translation>Transfer bank</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="400" />
        <source>Today %1 (open)</source>
        <translation>Hari ini %1 (buka)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="405" />
        <source>Whole event (all days)</source>
        <translation>Seluruh acara (semua hari)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="438" />
        <source>No business day yet</source>
        <translation>Belum ada hari penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="439" />
        <source>Open the day with the cash float to start selling.</source>
        <translation>Buka hari dengan modal awal untuk mulai berjualan.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="453" />
        <source>Net per artisan</source>
        <translation>Net per pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="454" />
        <source>Sales per hour</source>
        <translation>Penjualan per jam</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="458" />
        <source>Event %1 to %2</source>
        <translation>Acara %1 sampai %2</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="463" />
        <source>%1 business days · commission on the event's net, rounded once</source>
        <translation>%1 hari penjualan · komisi dari net seluruh acara, dibulatkan sekali</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="472" />
        <source>%1 sales · %2 items</source>
        <translation>%1 penjualan · %2 barang</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="482" />
        <source>not counted yet</source>
        <translation>belum dihitung</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="491" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="516" />
        <source>Net per artisan (Rp)</source>
        <translation>Net per pengrajin (Rp)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="521" />
        <source>Sales per hour (%1)</source>
        <translation>Penjualan per jam (%1)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="528" />
        <source>Day %1 · open</source>
        <translation>Hari %1 · buka</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="530" />
        <source>Day %1 · closed, Z %2</source>
        <translation>Hari %1 · tutup, Z %2</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="540" />
        <source>Opened %1 with a float of %2</source>
        <translation>Dibuka %1 dengan modal awal %2</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="546" />
        <source>closed %1</source>
        <translation>tutup %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="550" />
        <source>no day is open: open a new day to sell</source>
        <translation>belum ada hari yang buka: buka hari baru untuk berjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="556" />
        <source>short %1</source>
        <translation>kurang %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="558" />
        <source>over %1</source>
        <translation>lebih %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="559" />
        <source>balanced</source>
        <translation>pas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="573" />
        <source>No business day is open.</source>
        <translation>Belum ada hari penjualan yang buka.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="582" />
        <source>Day %1 closed with Z number %2.</source>
        <translation>Hari %1 ditutup dengan nomor Z %2.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="612" />
        <source>Save the report as PDF</source>
        <translation>Simpan laporan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="624" />
        <source>Report saved to %1</source>
        <translation>Laporan disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="635" />
        <source>Save the artisans as CSV</source>
        <translation>Simpan data pengrajin sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="643" />
        <source>CSV saved to %1</source>
        <translation>CSV disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="654" />
        <source>Save the artisan statements as PDF</source>
        <translation>Simpan pernyataan pengrajin sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_page.py" line="670" />
        <source>Statements saved to %1</source>
        <translation>Pernyataan disimpan ke %1</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="47" />
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="50" />
        <source>Selected line</source>
        <translation>Baris terpilih</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="51" />
        <source>Whole sale</source>
        <translation>Seluruh penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="62" />
        <source>Line: %1</source>
        <translation>Baris: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="66" />
        <source>Amount (e.g. 10.000) or percentage (e.g. 10%)</source>
        <translation>Nominal (mis. 10.000) atau persen (mis. 10%)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="73" />
        <source>Remove discount</source>
        <translation>Hapus diskon</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="101" />
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
        <location filename="../../booth_pos/ui/history_page.py" line="88" />
        <source>Reprint receipt</source>
        <translation>Cetak ulang struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="115" />
        <source>No sale with receipt %1</source>
        <translation>Tidak ada penjualan dengan struk %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/history_page.py" line="170" />
        <source>Reprinting %1</source>
        <translation>Mencetak ulang %1</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="231" />
        <source>Labels</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="235" />
        <source>%1 selected products</source>
        <translation>%1 produk terpilih</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="237" />
        <source>All products</source>
        <translation>Semua produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="239" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="242" />
        <source>One per item in stock</source>
        <translation>Satu per barang di stok</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="245" />
        <source>Copies</source>
        <translation>Salinan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="248" />
        <source>A4 sticker sheet (3 × 8)</source>
        <translation>Lembar stiker A4 (3 × 8)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="249" />
        <source>Label roll 50 × 30 mm</source>
        <translation>Rol label 50 × 30 mm</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="250" />
        <source>Layout</source>
        <translation>Tata letak</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="269" />
        <source>Save labels</source>
        <translation>Simpan label</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="117" />
        <source>Sell</source>
        <translation>Jual</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="118" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="119" />
        <source>Artisans</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="120" />
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="121" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="122" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="161" />
        <source>Receipt printed: %1</source>
        <translation>Struk dicetak: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="167" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="228" />
        <source>No business day open</source>
        <translation>Belum ada hari yang dibuka</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="233" />
        <source>Day %1 open · cash in drawer %2</source>
        <translation>Hari %1 buka · uang di laci %2</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="238" />
        <source>(no cashier)</source>
        <translation>(belum ada kasir)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/main_window.py" line="239" />
        <source>Cashier: %1</source>
        <translation>Kasir: %1</translation>
    </message>
</context>
<context>
    <name>OpenDayDialog</name>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="22" />
        <source>Open the business day</source>
        <translation>Buka hari penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="25" />
        <source>Opening cash float in the drawer (modal awal):</source>
        <translation>Modal awal uang tunai di laci:</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="33" />
        <source>Open day</source>
        <translation>Buka hari</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/day_dialogs.py" line="45" />
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
        <location filename="../../booth_pos/ui/payment_dialog.py" line="138" />
        <source>Receipt:</source>
        <translation>Struk:</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="156" />
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="166" />
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="170" />
        <source>Done (Enter)</source>
        <translation>Selesai (Enter)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="187" />
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="188" />
        <source>Korea</source>
        <translation>Korea</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="189" />
        <source>France</source>
        <translation>Prancis</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="190" />
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="191" />
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="224" />
        <source>(tendered %1)</source>
        <translation>(diterima %1)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="237" />
        <source>Exact</source>
        <translation>Uang pas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="262" />
        <source>Not an amount: %1</source>
        <translation>Bukan jumlah uang: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/payment_dialog.py" line="294" />
        <source>Change — receipt %1</source>
        <translation>Kembalian — struk %1</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="39" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="44" />
        <source>Filter by name, SKU, artisan or barcode</source>
        <translation>Saring menurut nama, SKU, pengrajin, atau barcode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="50" />
        <source>Import products CSV…</source>
        <translation>Impor CSV produk…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="52" />
        <source>Set photo…</source>
        <translation>Atur foto…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="53" />
        <source>Labels PDF…</source>
        <translation>PDF label…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="55" />
        <source>Buyer's catalogue PDF…</source>
        <translation>PDF katalog pembeli…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="67" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="68" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="69" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="70" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="72" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="77" />
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="78" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="79" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="100" />
        <source>CSV header: sku,name,artisan_code,category,price,stock,barcode</source>
        <translation>Kepala CSV: sku,name,artisan_code,category,price,stock,barcode</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="135" />
        <source>Import products</source>
        <translation>Impor produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="135" />
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="148" />
        <source>%1 added, %2 updated</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="158" />
        <source>Select one product first</source>
        <translation>Pilih satu produk dulu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="162" />
        <source>Product photo</source>
        <translation>Foto produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="164" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="175" />
        <source>Photo saved</source>
        <translation>Foto disimpan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="183" />
        <location filename="../../booth_pos/ui/products_page.py" line="190" />
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/products_page.py" line="201" />
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="183" />
        <source>Parked carts</source>
        <translation>Keranjang tunda</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="194" />
        <source>%1 · %2 items · %3</source>
        <translation>%1 · %2 barang · %3</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="203" />
        <source>Recall</source>
        <translation>Panggil</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="206" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="124" />
        <source>Find a product</source>
        <translation>Cari produk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_dialogs.py" line="130" />
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
        <location filename="../../booth_pos/ui/sell_page.py" line="113" />
        <source>Remove line (Del)</source>
        <translation>Hapus baris (Del)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="116" />
        <source>Discount (F4)</source>
        <translation>Diskon (F4)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="134" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="154" />
        <source>Pay (F12)</source>
        <translation>Bayar (F12)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="161" />
        <source>Park / Recall (F8)</source>
        <translation>Tunda / Panggil (F8)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="163" />
        <location filename="../../booth_pos/ui/sell_page.py" line="390" />
        <source>Cancel sale</source>
        <translation>Batalkan penjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="276" />
        <source>%1 × %2 added. Recorded stock is only %3: check the shelf count.</source>
        <translation>%1 × %2 ditambahkan. Stok tercatat hanya %3: periksa jumlah di rak.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="338" />
        <source>Removed: %1</source>
        <translation>Dihapus: %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="345" />
        <source>Scan something first</source>
        <translation>Pindai barang dulu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="362" />
        <source>Parked %1</source>
        <translation>Ditunda %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="370" />
        <source>Cart parked. Press F8 to recall it.</source>
        <translation>Keranjang ditunda. Tekan F8 untuk memanggilnya kembali.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="374" />
        <source>No parked carts</source>
        <translation>Tidak ada keranjang tunda</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="383" />
        <source>Cart recalled</source>
        <translation>Keranjang dipanggil kembali</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="391" />
        <source>Empty the cart? Nothing has been sold yet.</source>
        <translation>Kosongkan keranjang? Belum ada yang terjual.</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="403" />
        <source>Cart emptied</source>
        <translation>Keranjang dikosongkan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="412" />
        <source>%1 items</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="415" />
        <source>discounts %1</source>
        <translation>diskon %1</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="425" />
        <source>Open the business day before selling</source>
        <translation>Buka hari penjualan sebelum berjualan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/sell_page.py" line="440" />
        <source>Sale %1 done · change %2</source>
        <translation>Penjualan %1 selesai · kembalian %2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="44" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="59" />
        <source>Stand and event</source>
        <translation>Stan dan acara</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="60" />
        <source>Stand name</source>
        <translation>Nama stan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="61" />
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="62" />
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="63" />
        <source>First day (YYYY-MM-DD)</source>
        <translation>Hari pertama (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="64" />
        <source>Last day (YYYY-MM-DD)</source>
        <translation>Hari terakhir (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="65" />
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="66" />
        <source>Till code</source>
        <translation>Kode kasir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="67" />
        <source>Contact for bulk orders</source>
        <translation>Kontak pesanan grosir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="69" />
        <source>Receipts</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="70" />
        <source>Header lines</source>
        <translation>Baris kepala</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="71" />
        <source>Footer lines</source>
        <translation>Baris penutup</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="75" />
        <source>Receipt language</source>
        <translation>Bahasa struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="79" />
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="81" />
        <source>Reference currency (e.g. EUR)</source>
        <translation>Mata uang acuan (mis. EUR)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="82" />
        <source>Rupiah per unit of that currency</source>
        <translation>Rupiah per satuan mata uang itu</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="84" />
        <source>Till</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="88" />
        <source>Window language</source>
        <translation>Bahasa tampilan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="91" />
        <source>Customer origins</source>
        <translation>Asal pembeli</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="92" />
        <source>Country codes separated by commas</source>
        <translation>Kode negara dipisah koma</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="93" />
        <source>Supervisor needed above discount</source>
        <translation>Perlu supervisor jika diskon di atas</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="106" />
        <source>Where</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="108" />
        <source>folder · printer name · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0</source>
        <translation>folder · nama printer · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="95" />
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="99" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="101" />
        <source>PDF folder</source>
        <translation>Folder PDF</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="102" />
        <source>System printer</source>
        <translation>Printer sistem</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="103" />
        <source>ESC/POS thermal printer</source>
        <translation>Printer thermal ESC/POS</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="110" />
        <source>Test print</source>
        <translation>Cetak uji</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="115" />
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="116" />
        <source>Second folder (e.g. a USB stick)</source>
        <translation>Folder kedua (mis. flashdisk)</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="117" />
        <source>Every N minutes</source>
        <translation>Setiap N menit</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="124" />
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="200" />
        <source>Settings saved</source>
        <translation>Pengaturan disimpan</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="213" />
        <source>Printing a test receipt…</source>
        <translation>Mencetak struk uji…</translation>
    </message>
    <message>
        <location filename="../../booth_pos/ui/settings_page.py" line="223" />
        <source>Test receipt printed: %1</source>
        <translation>Struk uji dicetak: %1</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../booth_pos/ui/pages.py" line="35" />
        <source>End of day comes here.</source>
        <translation>Tutup hari ada di sini.</translation>
    </message>
</context>
</TS>