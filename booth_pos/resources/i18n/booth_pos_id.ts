<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="138" />
        <source>Create the first supervisor</source>
        <translation>Buat supervisor pertama</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="138" />
        <source>Add staff</source>
        <translation>Tambah staf</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="144" />
        <source>Once an account exists, the till asks who is selling and corrections need a supervisor's PIN.</source>
        <translation>Setelah ada akun, kasir ditanya siapa yang berjualan dan koreksi perlu PIN supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="153" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="156" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="158" />
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="160" />
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="163" />
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 sampai 8 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="164" />
        <source>PIN again</source>
        <translation>Ulangi PIN</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="179" />
        <source>The two PINs differ</source>
        <translation>Kedua PIN berbeda</translation>
    </message>
</context>
<context>
    <name>ArtisanDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="146" />
        <source>Edit artisan</source>
        <translation>Ubah pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="146" />
        <source>Add artisan</source>
        <translation>Tambah pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="149" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="150" />
        <source>e.g. ECO (letters and digits)</source>
        <translation>mis. ECO (huruf dan angka)</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="151" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="152" />
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="153" />
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="154" />
        <source>Commission %</source>
        <translation>Komisi %</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="155" />
        <source>e.g. 12,5</source>
        <translation>mis. 12,5</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="156" />
        <source>Story (catalogue)</source>
        <translation>Cerita (katalog)</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="159" />
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="159" />
        <source>can be sold</source>
        <translation>bisa dijual</translation>
    </message>
</context>
<context>
    <name>ArtisansPage</name>
    <message>
        <location filename="../../ui/artisans_page.py" line="34" />
        <source>Artisans</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="38" />
        <source>Import artisans…</source>
        <translation>Impor pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="42" />
        <source>Add artisan…</source>
        <translation>Tambah pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="46" />
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="56" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="58" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="60" />
        <source>%1 (inactive)</source>
        <translation>%1 (nonaktif)</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="63" />
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="64" />
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="66" />
        <source>Commission</source>
        <translation>Komisi</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="71" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="86" />
        <source>Spreadsheet columns (XLSX or CSV): code, name, owner, phone, commission_percent</source>
        <translation>Kolom lembar kerja (XLSX atau CSV): code, name, owner, phone, commission_percent</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="106" />
        <source>Select one artisan first</source>
        <translation>Pilih satu pengrajin dulu</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="128" />
        <source>Import artisans</source>
        <translation>Impor pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="130" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/artisans_page.py" line="148" />
        <location filename="../../ui/artisans_page.py" line="162" />
        <source>%1 added, %2 updated</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../ui/cart_model.py" line="48" />
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/cart_model.py" line="49" />
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <location filename="../../ui/cart_model.py" line="50" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../ui/cart_model.py" line="51" />
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../ui/cart_model.py" line="52" />
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/cart_model.py" line="71" />
        <source>open price</source>
        <translation>harga terbuka</translation>
    </message>
    <message>
        <location filename="../../ui/cart_model.py" line="107" />
        <source>Recorded stock is only %1</source>
        <translation>Stok tercatat hanya %1</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../ui/products_page.py" line="464" />
        <source>Buyer's catalogue</source>
        <translation>Katalog pembeli</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="472" />
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="477" />
        <source>Buyer's currency (optional)</source>
        <translation>Mata uang pembeli (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="481" />
        <source>Rupiah per unit</source>
        <translation>Rupiah per satuan</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="502" />
        <source>Save catalogue</source>
        <translation>Simpan katalog</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../ui/day_dialogs.py" line="110" />
        <source>Close the business day</source>
        <translation>Tutup hari penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="122" />
        <source>Day %1: count the cash in the drawer, note by note and coin by coin, or type the total.</source>
        <translation>Hari %1: hitung uang di laci per lembar dan per keping, atau ketik totalnya.</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="130" />
        <source>Note / coin</source>
        <translation>Uang kertas / koin</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="131" />
        <source>Pieces</source>
        <translation>Keping</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="132" />
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="136" />
        <source>note</source>
        <translation>lembar</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="136" />
        <source>coin</source>
        <translation>koin</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="151" />
        <source>Expected in drawer</source>
        <translation>Seharusnya di laci</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="155" />
        <source>Counted</source>
        <translation>Dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="158" />
        <source>total counted, e.g. 1.250.000</source>
        <translation>total terhitung, mis. 1.250.000</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="162" />
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="174" />
        <source>Close the day</source>
        <translation>Tutup hari</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="238" />
        <source>type or count the cash</source>
        <translation>ketik atau hitung uangnya</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="244" />
        <source>SHORT by %1</source>
        <translation>KURANG %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="246" />
        <source>over by %1</source>
        <translation>lebih %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="248" />
        <source>balanced: %1</source>
        <translation>pas: %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="257" />
        <source>Type the counted cash in rupiah.</source>
        <translation>Ketik uang terhitung dalam rupiah.</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="208" />
        <source>Backup saved: %1</source>
        <translation>Cadangan disimpan: %1</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../ui/customer_display.py" line="74" />
        <source>Customer display</source>
        <extracomment>Fonts shipped for the thank-you in Korean and Hindi (a laptop may have neither). The QR's side on screen, quiet zone included: 420 px is about 11 cm on a 96 dpi monitor (the code itself about 9 cm), scannable from 50 cm.</extracomment>
        <translation>Layar pelanggan</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="121" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="142" />
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="157" />
        <source>Scan to pay with QRIS</source>
        <translation>Pindai untuk bayar dengan QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="218" />
        <source>… and %1 earlier lines</source>
        <translation>… dan %1 baris sebelumnya</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <location filename="../../ui/day_page.py" line="118" />
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="124" />
        <source>Open day…</source>
        <translation>Buka hari…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="128" />
        <source>Close day…</source>
        <translation>Tutup hari…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="169" />
        <location filename="../../ui/day_page.py" line="221" />
        <location filename="../../ui/day_page.py" line="245" />
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="170" />
        <source>Net sales</source>
        <translation>Penjualan bersih</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="171" />
        <source>Average sale</source>
        <translation>Rata-rata penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="172" />
        <location filename="../../ui/day_page.py" line="208" />
        <source>Commission</source>
        <translation>Komisi</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="173" />
        <location filename="../../ui/day_page.py" line="640" />
        <source>Cash expected in drawer</source>
        <translation>Tunai seharusnya di laci</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="174" />
        <source>Cash difference</source>
        <translation>Selisih kas</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="215" />
        <source>Per artisan: what each one sold and is paid</source>
        <translation>Per pengrajin: yang terjual dan yang dibayarkan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="194" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="195" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="169" />
        <location filename="../../ui/day_page.py" line="196" />
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="197" />
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="198" />
        <source>Discounts</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="199" />
        <source>Refunds</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="200" />
        <location filename="../../ui/day_page.py" line="222" />
        <location filename="../../ui/day_page.py" line="246" />
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="202" />
        <source>Comm. %</source>
        <translation>Komisi %</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="209" />
        <source>Payout</source>
        <translation>Dibayarkan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="278" />
        <source>Payments (cash net of change)</source>
        <translation>Pembayaran (tunai setelah kembalian)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="304" />
        <location filename="../../ui/day_page.py" line="637" />
        <source>Cash drawer</source>
        <translation>Laci kas</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="308" />
        <source>Opening float</source>
        <translation>Modal awal</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="309" />
        <source>+ Cash received</source>
        <translation>+ Tunai diterima</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="310" />
        <source>− Cash refunds</source>
        <translation>− Retur tunai</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="312" />
        <source>= Expected in drawer</source>
        <translation>= Seharusnya di laci</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="313" />
        <source>Counted at close</source>
        <translation>Dihitung saat tutup</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="224" />
        <location filename="../../ui/day_page.py" line="250" />
        <location filename="../../ui/day_page.py" line="314" />
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="232" />
        <source>All days of the event</source>
        <translation>Semua hari acara</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="219" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="220" />
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="220" />
        <location filename="../../ui/day_page.py" line="618" />
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="268" />
        <source>No sales yet</source>
        <translation>Belum ada penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="270" />
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="288" />
        <source>refunded</source>
        <translation>diretur</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="311" />
        <source>− Paid to artisans</source>
        <translation>− Dibayar ke pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="331" />
        <source>Export PDF report…</source>
        <translation>Ekspor laporan PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="334" />
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="343" />
        <source>Artisan statements PDF…</source>
        <translation>PDF pernyataan pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="346" />
        <source>Artisan day slips PDF…</source>
        <translation>PDF slip harian pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="133" />
        <source>Pay an artisan…</source>
        <translation>Bayar pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="240" />
        <source>Till</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="241" />
        <source>(this till)</source>
        <translation>(kasir ini)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="243" />
        <source>Last receipt</source>
        <translation>Struk terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="244" />
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="247" />
        <source>Float</source>
        <translation>Modal</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="248" />
        <source>Expected cash</source>
        <translation>Kas seharusnya</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="249" />
        <source>Counted</source>
        <translation>Dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="251" />
        <source>Z (code)</source>
        <translation>Z (kode)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="256" />
        <source>Per till: each drawer</source>
        <translation>Per kasir: laci masing-masing</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="337" />
        <source>Export XLSX…</source>
        <translation>Ekspor XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="340" />
        <source>The settlement as a workbook to open in a spreadsheet</source>
        <translation>Rekap setoran sebagai buku kerja untuk dibuka di spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="401" />
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="402" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="403" />
        <source>Card (EDC)</source>
        <translation>Kartu (EDC)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="404" />
        <source>Bank transfer</source>
        <translation>Transfer bank</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="433" />
        <source>Today %1 (open)</source>
        <translation>Hari ini %1 (buka)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="438" />
        <source>Whole event (all days)</source>
        <translation>Seluruh acara (semua hari)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="478" />
        <source>No business day yet</source>
        <translation>Belum ada hari penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="479" />
        <source>Open the day with the cash float to start selling.</source>
        <translation>Buka hari dengan modal awal untuk mulai berjualan.</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="496" />
        <source>Net per artisan</source>
        <translation>Net per pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="497" />
        <source>Sales per hour</source>
        <translation>Penjualan per jam</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="501" />
        <source>Event %1 to %2</source>
        <translation>Acara %1 sampai %2</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="507" />
        <source>%1 business day</source>
        <translation>%1 hari penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="508" />
        <source>%1 business days</source>
        <translation>%1 hari penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="512" />
        <source>%1 · commission on the event's net, rounded once</source>
        <translation>%1 · komisi dari net seluruh acara, dibulatkan sekali</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="527" />
        <source>not counted yet</source>
        <translation>belum dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="534" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="567" />
        <source>Net per artisan (Rp)</source>
        <translation>Net per pengrajin (Rp)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="572" />
        <source>Sales per hour (%1)</source>
        <translation>Penjualan per jam (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="598" />
        <source>No rates of the day (Settings): receipts show rupiah only</source>
        <extracomment>Rows the artisan tab keeps room for before it scrolls: a council's dozen and the total.</extracomment>
        <translation>Belum ada kurs hari ini (Pengaturan): struk hanya dalam rupiah</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="600" />
        <source>Rates of %1: %2</source>
        <translation>Kurs tanggal %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="602" />
        <source>not today's rates: update them in Settings</source>
        <translation>bukan kurs hari ini: perbarui di Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="623" />
        <source>%1 up to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="625" />
        <source>%1 no sales</source>
        <translation>%1 tanpa penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="627" />
        <source>received %1</source>
        <translation>diterima %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="637" />
        <source>Cash drawers (all tills)</source>
        <translation>Laci kas (semua kasir)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="640" />
        <source>Cash expected, all drawers</source>
        <translation>Kas seharusnya, semua laci</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="646" />
        <source>Tills: %1</source>
        <translation>Kasir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="652" />
        <source>%1: not received since its last sale (its day is still open in the last bundle, exported %2)</source>
        <translation>%1: belum diterima sejak penjualan terakhir (harinya masih terbuka di bundel terakhir, diekspor %2)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="656" />
        <source>%1: not received since its last sale (its day is still open in the last bundle)</source>
        <translation>%1: belum diterima sejak penjualan terakhir (harinya masih terbuka di bundel terakhir)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="669" />
        <source>Day %1 · open</source>
        <translation>Hari %1 · buka</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="671" />
        <source>Day %1 · closed, Z %2</source>
        <translation>Hari %1 · tutup, Z %2</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="680" />
        <source>This till had no day on this date</source>
        <translation>Kasir ini tidak punya hari usaha pada tanggal ini</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="685" />
        <source>Opened %1 with a float of %2</source>
        <translation>Dibuka %1 dengan modal awal %2</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="691" />
        <source>closed %1</source>
        <translation>tutup %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="695" />
        <source>no day is open: open a new day to sell</source>
        <translation>belum ada hari yang buka: buka hari baru untuk berjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="701" />
        <source>short %1</source>
        <translation>kurang %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="703" />
        <source>over %1</source>
        <translation>lebih %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="704" />
        <source>balanced</source>
        <translation>pas</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="716" />
        <source>No business day is open.</source>
        <translation>Belum ada hari penjualan yang buka.</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="725" />
        <source>Day %1 closed with Z number %2.</source>
        <translation>Hari %1 ditutup dengan nomor Z %2.</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="755" />
        <source>Save the report as PDF</source>
        <translation>Simpan laporan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="766" />
        <source>Report saved to %1</source>
        <translation>Laporan disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="777" />
        <source>Save the artisans as CSV</source>
        <translation>Simpan data pengrajin sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="788" />
        <source>CSV saved to %1</source>
        <translation>CSV disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="800" />
        <source>Save the settlement as XLSX</source>
        <translation>Simpan rekap setoran sebagai XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="802" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="816" />
        <source>XLSX saved to %1</source>
        <translation>XLSX disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="826" />
        <source>The artisan statements wait: till %1 has not sent a bundle since its last close; close its day there and import its bundle</source>
        <translation>Laporan pengrajin menunggu: kasir %1 belum mengirim bundel sejak tutup kasir terakhir; tutup harinya di sana lalu impor bundelnya</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="835" />
        <source>Save the artisan statements as PDF</source>
        <translation>Simpan pernyataan pengrajin sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="852" />
        <source>Statements saved to %1</source>
        <translation>Pernyataan disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="857" />
        <source>Day slips are per day: show one day first</source>
        <translation>Slip harian dibuat per hari: tampilkan satu hari dulu</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="864" />
        <source>Save the artisan day slips as PDF</source>
        <translation>Simpan slip harian pengrajin sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ui/day_page.py" line="879" />
        <source>Day slips saved to %1</source>
        <translation>Slip harian disimpan ke %1</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="62" />
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="65" />
        <source>Selected line</source>
        <translation>Baris terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="66" />
        <source>Whole sale</source>
        <translation>Seluruh penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="77" />
        <source>Line: %1</source>
        <translation>Baris: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="81" />
        <source>Amount (e.g. 10.000) or percentage (e.g. 10%)</source>
        <translation>Nominal (mis. 10.000) atau persen (mis. 10%)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="91" />
        <source>Remove discount</source>
        <translation>Hapus diskon</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="138" />
        <source>Above %1: a supervisor must approve</source>
        <translation>Di atas %1: harus disetujui supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="172" />
        <source>Type an amount such as 10.000 or a percentage such as 10%</source>
        <translation>Ketik nominal seperti 10.000 atau persen seperti 10%</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/history_page.py" line="61" />
        <source>Sales history</source>
        <extracomment>Key of the sales history's status column (voided / refunded, with the refund numbers). Key of the column with the payment methods of each sale. Sales the list shows, newest first (a scanned receipt finds any older one).</extracomment>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="66" />
        <source>Scan the receipt barcode or type its number</source>
        <translation>Pindai barcode struk atau ketik nomornya</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="77" />
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="79" />
        <location filename="../../ui/history_page.py" line="231" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="82" />
        <location filename="../../ui/history_page.py" line="233" />
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="83" />
        <location filename="../../ui/history_page.py" line="237" />
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="84" />
        <location filename="../../ui/history_page.py" line="265" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="86" />
        <source>Paid by</source>
        <translation>Dibayar dengan</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="90" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="115" />
        <source>Reprint receipt</source>
        <translation>Cetak ulang struk</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="121" />
        <source>Refund…</source>
        <translation>Retur…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="126" />
        <source>Void…</source>
        <translation>Batalkan…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="172" />
        <source>Voided %1 · %2</source>
        <translation>Dibatalkan %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="174" />
        <source>Refunded fully %1 · %2</source>
        <translation>Diretur penuh %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="178" />
        <source>%1 of %2 items</source>
        <translation>%1 dari %2 barang</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="183" />
        <source>Refunded partly %1 · %2 · %3</source>
        <translation>Diretur sebagian %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="202" />
        <source>No sale with receipt %1</source>
        <translation>Tidak ada penjualan dengan struk %1</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="232" />
        <source>Business day</source>
        <translation>Hari penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="233" />
        <source>(not recorded)</source>
        <translation>(tidak tercatat)</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="234" />
        <source>Customer from</source>
        <translation>Asal pembeli</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="235" />
        <source>Receipt language</source>
        <translation>Bahasa struk</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="238" />
        <source>%1 item</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="238" />
        <source>%1 items</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="242" />
        <source>Verification code</source>
        <translation>Kode verifikasi</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="265" />
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="284" />
        <source>Void</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="284" />
        <source>Refund</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="300" />
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="301" />
        <source>Korea</source>
        <translation>Korea</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="302" />
        <source>France</source>
        <translation>Prancis</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="303" />
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="304" />
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="305" />
        <source>not asked</source>
        <translation>tidak ditanyakan</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="311" />
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="312" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="313" />
        <source>Card (EDC)</source>
        <translation>Kartu (EDC)</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="314" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="343" />
        <source>%1 done: %2 back</source>
        <translation>%1 selesai: %2 dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="357" />
        <source>Reprinting %1</source>
        <translation>Mencetak ulang %1</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../ui/import_preview.py" line="262" />
        <source>Reading %1…</source>
        <translation>Membaca %1…</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="293" />
        <source>The file changed since the preview: this is what it holds now.</source>
        <translation>Berkas berubah sejak pratinjau: inilah isinya sekarang.</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="295" />
        <location filename="../../ui/import_preview.py" line="345" />
        <source>Nothing was written.</source>
        <translation>Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="320" />
        <source>Importing %1…</source>
        <translation>Mengimpor %1…</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="323" />
        <source>Importing products…</source>
        <translation>Mengimpor produk…</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="343" />
        <source>The file changed since the preview and is refused now.</source>
        <translation>Berkas berubah sejak pratinjau dan kini ditolak.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/import_preview.py" line="51" />
        <source>Import artisans</source>
        <translation>Impor pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="51" />
        <source>Import products</source>
        <translation>Impor produk</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="78" />
        <location filename="../../ui/import_preview.py" line="191" />
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="83" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="91" />
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="95" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="96" />
        <location filename="../../ui/import_preview.py" line="107" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="97" />
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="99" />
        <source>Commission</source>
        <translation>Komisi</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="106" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="108" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="109" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="110" />
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="111" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="119" />
        <source>add</source>
        <translation>tambah</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="119" />
        <source>update</source>
        <translation>perbarui</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="148" />
        <source>%1 to add, %2 to update</source>
        <translation>%1 akan ditambahkan, %2 akan diperbarui</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="154" />
        <source>%1 new prices</source>
        <translation>%1 harga baru</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="156" />
        <source>%1 new commissions</source>
        <translation>%1 komisi baru</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="161" />
        <source>Import %1 rows</source>
        <translation>Impor %1 baris</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="165" />
        <source>Read as Windows-1252 (Excel's plain CSV).</source>
        <translation>Dibaca sebagai Windows-1252 (CSV biasa Excel).</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="168" />
        <source>The file has no rows to import</source>
        <translation>Berkas tidak berisi baris untuk diimpor</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="172" />
        <source>Nothing is written until you press Import.</source>
        <translation>Tidak ada yang disimpan sebelum Anda menekan Impor.</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="184" />
        <source>Nothing can be imported: %1 problems</source>
        <translation>Tidak ada yang bisa diimpor: %1 masalah</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="188" />
        <source>Nothing can be imported</source>
        <translation>Tidak ada yang bisa diimpor</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="195" />
        <source>Fix the file and import it again; nothing was written.</source>
        <translation>Perbaiki berkas lalu impor lagi; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/import_preview.py" line="198" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../ui/products_page.py" line="392" />
        <source>Labels</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="398" />
        <source>%1 selected product</source>
        <translation>%1 produk terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="399" />
        <source>%1 selected products</source>
        <translation>%1 produk terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="403" />
        <source>All products</source>
        <translation>Semua produk</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="405" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="408" />
        <source>One per item in stock</source>
        <translation>Satu per barang di stok</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="411" />
        <source>Copies</source>
        <translation>Salinan</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="414" />
        <source>A4 sticker sheet (3 × 8)</source>
        <translation>Lembar stiker A4 (3 × 8)</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="415" />
        <source>Label roll 50 × 30 mm</source>
        <translation>Rol label 50 × 30 mm</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="416" />
        <source>Layout</source>
        <translation>Tata letak</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="437" />
        <source>Save labels</source>
        <translation>Simpan label</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Sell</source>
        <extracomment>Screens up to this size are a laptop's: the till takes all of it (maximised).</extracomment>
        <translation>Jual</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166" />
        <source>Artisans</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171" />
        <source>Quotes</source>
        <translation>Penawaran</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262" />
        <source>No staff accounts yet: the till runs unlocked. Create the first supervisor in Settings.</source>
        <translation>Belum ada akun staf: kasir berjalan tanpa kunci. Buat supervisor pertama di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321" />
        <source>Backup saved: %1</source>
        <translation>Cadangan disimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342" />
        <source>Receipt printed: %1</source>
        <translation>Struk dicetak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362" />
        <source>Booth POS: something went wrong</source>
        <translation>Booth POS: terjadi kesalahan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364" />
        <source>Something went wrong inside Booth POS. The sale in progress is kept; you can carry on. Please tell the coordinator (the details are in the log).</source>
        <translation>Terjadi kesalahan di dalam Booth POS. Penjualan yang sedang berjalan tetap tersimpan; Anda bisa melanjutkan. Mohon beri tahu koordinator (rinciannya ada di log).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375" />
        <source>Open the log</source>
        <translation>Buka log</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469" />
        <source>No business day open</source>
        <translation>Belum ada hari yang dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="474" />
        <source>Day %1 open · cash in drawer %2</source>
        <translation>Hari %1 buka · uang di laci %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="479" />
        <source>(no cashier)</source>
        <translation>(belum ada kasir)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="480" />
        <source>Cashier: %1 (F10)</source>
        <translation>Kasir: %1 (F10)</translation>
    </message>
</context>
<context>
    <name>OpenDayDialog</name>
    <message>
        <location filename="../../ui/day_dialogs.py" line="37" />
        <source>Open the business day</source>
        <translation>Buka hari penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="40" />
        <source>Opening cash float in the drawer (modal awal):</source>
        <translation>Modal awal uang tunai di laci:</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="50" />
        <source>Open day</source>
        <translation>Buka hari</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="70" />
        <source>Press Open anyway to open the day with this date.</source>
        <translation>Tekan Tetap buka untuk membuka hari dengan tanggal ini.</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="72" />
        <source>Open anyway</source>
        <translation>Tetap buka</translation>
    </message>
    <message>
        <location filename="../../ui/day_dialogs.py" line="76" />
        <source>Type the float in rupiah, e.g. 500.000</source>
        <translation>Ketik modal awal dalam rupiah, mis. 500.000</translation>
    </message>
</context>
<context>
    <name>OpenPriceDialog</name>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="444" />
        <source>Scan ignored: finish this open-price line first, then scan again</source>
        <translation>Pemindaian diabaikan: selesaikan barang harga terbuka ini dulu, lalu pindai lagi</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="447" />
        <source>Open price: goods without a label</source>
        <translation>Harga terbuka: barang tanpa label</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="458" />
        <source>Choose the artisan (type its code)</source>
        <translation>Pilih pengrajin (ketik kodenya)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="468" />
        <source>e.g. 150.000</source>
        <translation>mis. 150.000</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="475" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="476" />
        <source>Name (optional)</source>
        <translation>Nama (boleh kosong)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="477" />
        <source>Price per item</source>
        <translation>Harga per barang</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="478" />
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="493" />
        <source>Add to cart</source>
        <translation>Masukkan ke keranjang</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="499" />
        <source>No active artisan</source>
        <translation>Tidak ada pengrajin aktif</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="508" />
        <source>Empty: named after the artisan</source>
        <translation>Kosong: dinamai menurut pengrajin</translation>
    </message>
</context>
<context>
    <name>ParkLabelDialog</name>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="390" />
        <source>Cart parked</source>
        <translation>Keranjang ditunda</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="393" />
        <source>Who is it for? (optional, e.g. Ibu baju merah)</source>
        <translation>Untuk siapa? (boleh kosong, mis. Ibu baju merah)</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="43" />
        <source>Encrypted backup</source>
        <translation>Cadangan terenkripsi</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="45" />
        <source>Passphrase of %1</source>
        <translation>Frasa sandi %1</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/payment_dialog.py" line="57" />
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="77" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="79" />
        <source>Still due</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="87" />
        <source>Amount (empty = the rest)</source>
        <translation>Jumlah (kosong = sisanya)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="95" />
        <source>Reference (QRIS, card, transfer)</source>
        <translation>Referensi (QRIS, kartu, transfer)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="104" />
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="105" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="106" />
        <source>Card (EDC)</source>
        <translation>Kartu (EDC)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="107" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="132" />
        <source>Remove tender (Del)</source>
        <translation>Hapus pembayaran (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="144" />
        <source>Print QRIS slip</source>
        <translation>Cetak slip QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="154" />
        <source>Customer from:</source>
        <translation>Asal pembeli:</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="171" />
        <source>Receipt:</source>
        <translation>Struk:</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="196" />
        <location filename="../../ui/payment_dialog.py" line="394" />
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="212" />
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="216" />
        <source>Confirm sale (Enter / F12)</source>
        <translation>Konfirmasi penjualan (Enter / F12)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="226" />
        <source>Done (Enter)</source>
        <translation>Selesai (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="239" />
        <location filename="../../ui/payment_dialog.py" line="424" />
        <source>Scan ignored: finish the payment first</source>
        <translation>Pemindaian diabaikan: selesaikan pembayaran dulu</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="243" />
        <source>QRIS slip printed: %1</source>
        <translation>Slip QRIS dicetak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="254" />
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="255" />
        <source>Korea</source>
        <translation>Korea</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="256" />
        <source>France</source>
        <translation>Prancis</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="257" />
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="258" />
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="288" />
        <source>≈ %1 (rate %2; reference only, not a charge)</source>
        <translation>≈ %1 (kurs %2; hanya referensi, bukan tagihan)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="357" />
        <source>(tendered %1)</source>
        <translation>(diterima %1)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="398" />
        <source>Change to give</source>
        <translation>Kembalian yang diberikan</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="406" />
        <source>Total %1 · to be recorded as: %2 · press Confirm (Enter / F12)</source>
        <translation>Total %1 · dicatat sebagai: %2 · tekan Konfirmasi (Enter / F12)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="414" />
        <source>Large change</source>
        <translation>Kembalian besar</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="415" />
        <source>Give %1 change? Check the cash the customer handed over.</source>
        <translation>Beri kembalian %1? Periksa uang yang diserahkan pembeli.</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="443" />
        <source>Exact</source>
        <translation>Uang pas</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="461" />
        <source>Not an amount: %1</source>
        <translation>Bukan jumlah uang: %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="476" />
        <source>Change — receipt %1</source>
        <translation>Kembalian — struk %1</translation>
    </message>
</context>
<context>
    <name>PayoutDialog</name>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="304" />
        <source>Pay an artisan</source>
        <translation>Bayar pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="315" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="318" />
        <source>Still owed</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="321" />
        <source>e.g. 150000 or Rp 150.000</source>
        <translation>mis. 150000 atau Rp 150.000</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="322" />
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="325" />
        <source>Cash (from the drawer)</source>
        <translation>Tunai (dari laci)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="326" />
        <source>Bank transfer</source>
        <translation>Transfer bank</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="327" />
        <source>Paid by</source>
        <translation>Dibayar dengan</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="331" />
        <source>Transfer reference (optional)</source>
        <translation>Referensi transfer (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="332" />
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="342" />
        <source>Pay and print receipt</source>
        <translation>Bayar dan cetak bukti</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="348" />
        <source>Scan ignored: finish the payout first</source>
        <translation>Pindaian diabaikan: selesaikan pembayaran dulu</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="387" />
        <source>%1: %2 paid to %3</source>
        <translation>%1: %2 dibayarkan ke %3</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="315" />
        <source>Change price</source>
        <translation>Ubah harga</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="322" />
        <source>%1 · open price %2</source>
        <translation>%1 · harga terbuka %2</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="324" />
        <source>%1 · list price %2</source>
        <translation>%1 · harga daftar %2</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="330" />
        <source>New price per item, e.g. 250.000</source>
        <translation>Harga baru per barang, mis. 250.000</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="353" />
        <source>Type a price such as 250.000</source>
        <translation>Ketik harga seperti 250.000</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="223" />
        <source>Edit product</source>
        <translation>Ubah produk</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="223" />
        <source>Add product</source>
        <translation>Tambah produk</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="226" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="227" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="228" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="232" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="233" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="234" />
        <source>e.g. 175000 or Rp 175.000</source>
        <translation>mis. 175000 atau Rp 175.000</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="235" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="236" />
        <source>Scan it, or leave empty for an in-store EAN-13</source>
        <translation>Pindai, atau kosongkan untuk EAN-13 toko</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="245" />
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="249" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="251" />
        <source>Wholesale tiers</source>
        <translation>Harga grosir</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="252" />
        <source>MIN:PRICE;…, e.g. 10:135000;50:120000</source>
        <translation>MIN:HARGA;…, mis. 10:135000;50:120000</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="253" />
        <source>Minimum order</source>
        <translation>Pesanan minimum</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="254" />
        <source>Lead time (days)</source>
        <translation>Waktu produksi (hari)</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="255" />
        <source>empty: the artisan's</source>
        <translation>kosong: milik pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="257" />
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="257" />
        <source>can be sold</source>
        <translation>bisa dijual</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="284" />
        <source>Product photo</source>
        <translation>Foto produk</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="286" />
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/products_page.py" line="40" />
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="45" />
        <source>Filter by name, SKU, artisan or barcode</source>
        <translation>Saring menurut nama, SKU, pengrajin, atau barcode</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="53" />
        <source>Set photo…</source>
        <translation>Atur foto…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="54" />
        <source>Labels PDF…</source>
        <translation>PDF label…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="56" />
        <source>Buyer's catalogue PDF…</source>
        <translation>PDF katalog pembeli…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="61" />
        <source>Goods in…</source>
        <translation>Barang masuk…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="62" />
        <source>Goods back…</source>
        <translation>Barang kembali…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="64" />
        <source>Return everything left…</source>
        <translation>Kembalikan semua sisa…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="67" />
        <source>Add product…</source>
        <translation>Tambah produk…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="69" />
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="88" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="90" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="92" />
        <source>%1 (inactive)</source>
        <translation>%1 (nonaktif)</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="95" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="96" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="98" />
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="103" />
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="104" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="105" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="148" />
        <source>%1 · needs a count</source>
        <translation>%1 · perlu dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="219" />
        <source>Nothing is left on hand to return</source>
        <translation>Tidak ada sisa barang untuk dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="224" />
        <source>Return everything left</source>
        <translation>Kembalikan semua sisa</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="225" />
        <source>Print a return note of everything left for each of %1 artisans?</source>
        <translation>Cetak nota barang kembali berisi semua sisa untuk masing-masing dari %1 pengrajin?</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="245" />
        <source>%1 return notes saved: %2 to %3</source>
        <translation>%1 nota barang kembali disimpan: %2 sampai %3</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="256" />
        <source>Import products</source>
        <translation>Impor produk</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="277" />
        <location filename="../../ui/products_page.py" line="302" />
        <source>%1 added, %2 updated</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="311" />
        <source>Importing %1…</source>
        <translation>Mengimpor %1…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="313" />
        <source>Importing products…</source>
        <translation>Mengimpor produk…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="185" />
        <location filename="../../ui/products_page.py" line="319" />
        <source>Select one product first</source>
        <translation>Pilih satu produk dulu</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="51" />
        <source>Import products…</source>
        <translation>Impor produk…</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="127" />
        <source>Spreadsheet columns (XLSX or CSV): sku, name, artisan_code, category, price, stock, barcode</source>
        <translation>Kolom lembar kerja (XLSX atau CSV): sku, name, artisan_code, category, price, stock, barcode</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="258" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="323" />
        <source>Product photo</source>
        <translation>Foto produk</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="325" />
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="336" />
        <source>Photo saved</source>
        <translation>Foto disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="344" />
        <location filename="../../ui/products_page.py" line="351" />
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../ui/products_page.py" line="364" />
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../ui/quotes_page.py" line="168" />
        <source>Edit %1</source>
        <translation>Ubah %1</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="169" />
        <source>New quote</source>
        <translation>Penawaran baru</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="175" />
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="176" />
        <source>Company</source>
        <translation>Perusahaan</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="177" />
        <source>Country (e.g. FR)</source>
        <translation>Negara (mis. FR)</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="178" />
        <source>E-mail or phone</source>
        <translation>E-mail atau telepon</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="179" />
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="180" />
        <source>Rupiah per unit (empty: today's)</source>
        <translation>Rupiah per satuan (kosong: kurs hari ini)</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="182" />
        <source>Valid for (days)</source>
        <translation>Berlaku (hari)</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="185" />
        <source>From the country</source>
        <translation>Sesuai negara</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="189" />
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="196" />
        <source>Scan or type a code, Enter</source>
        <translation>Pindai atau ketik kode, Enter</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="201" />
        <source>One QTY*SKU a line, e.g. 60*ECO-04</source>
        <translation>Satu JUMLAH*SKU per baris, mis. 60*ECO-04</translation>
    </message>
</context>
<context>
    <name>QuotesPage</name>
    <message>
        <location filename="../../ui/quotes_page.py" line="43" />
        <source>Quotes</source>
        <translation>Penawaran</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="49" />
        <source>New quote…</source>
        <translation>Penawaran baru…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="50" />
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="51" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="52" />
        <source>Cancel quote</source>
        <translation>Batalkan penawaran</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="65" />
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="66" />
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="67" />
        <source>Company</source>
        <translation>Perusahaan</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="68" />
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="70" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="72" />
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="73" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="91" />
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="92" />
        <source>accepted</source>
        <translation>diterima</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="93" />
        <source>expired</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="94" />
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="106" />
        <source>Select one quote first</source>
        <translation>Pilih satu penawaran dulu</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="133" />
        <source>%1 cancelled</source>
        <translation>%1 dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="143" />
        <source>Save quotation</source>
        <translation>Simpan penawaran</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="144" />
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_page.py" line="157" />
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="256" />
        <source>Parked carts</source>
        <translation>Keranjang tunda</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="269" />
        <source>%1 item</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="269" />
        <source>%1 items</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="277" />
        <source>Recall</source>
        <translation>Panggil</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="280" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="111" />
        <location filename="../../ui/correction_dialogs.py" line="155" />
        <source>Refund</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="115" />
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="115" />
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="115" />
        <source>Can return</source>
        <translation>Bisa diretur</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="115" />
        <source>Return</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="132" />
        <source>Everything left</source>
        <translation>Semua sisanya</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="137" />
        <source>Money back by</source>
        <translation>Uang kembali lewat</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="141" />
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="142" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="143" />
        <source>Card (EDC)</source>
        <translation>Kartu (EDC)</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="144" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="153" />
        <source>Money back</source>
        <translation>Uang kembali</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="182" />
        <source>Choose how many of which item come back</source>
        <translation>Pilih berapa banyak barang yang dikembalikan</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="89" />
        <location filename="../../ui/restore_dialogs.py" line="173" />
        <source>Restore a backup</source>
        <translation>Pulihkan cadangan</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="91" />
        <source>Booth POS backups (*.sqlite *.enc *.db *.bak);;All files (*)</source>
        <translation>Cadangan Booth POS (*.sqlite *.enc *.db *.bak);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="136" />
        <source>Checking the backup…</source>
        <translation>Memeriksa cadangan…</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="159" />
        <source>The database here cannot be read: replace it with this backup of %1 sales?</source>
        <translation>Database di sini tidak bisa dibaca: ganti dengan cadangan berisi %1 penjualan ini?</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="163" />
        <source>This backup is of another stand (%1 sales): make this laptop that stand?</source>
        <translation>Cadangan ini milik stan lain (%1 penjualan): jadikan laptop ini stan itu?</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="167" />
        <source>This backup holds %1 sales, the database now %2: are you sure?</source>
        <translation>Backup ini berisi %1 penjualan, database sekarang %2: yakin?</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="182" />
        <source>The database as it is now is kept in a safety backup first.</source>
        <translation>Database saat ini disimpan dulu di cadangan pengaman.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="186" />
        <source>Yes, restore</source>
        <translation>Ya, pulihkan</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="187" />
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="200" />
        <source>Restoring it loses the %1 sales recorded since the backup.</source>
        <translation>Memulihkannya menghilangkan %1 penjualan yang dicatat sejak cadangan itu.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialogs.py" line="204" />
        <source>Its journal does not continue the database's: what was recorded since (a day close, a refund) is lost.</source>
        <translation>Jurnalnya tidak melanjutkan jurnal database: yang dicatat sejak itu (tutup hari, refund) hilang.</translation>
    </message>
</context>
<context>
    <name>ScanGuard</name>
    <message>
        <location filename="../../ui/scan_guard.py" line="254" />
        <source>Scan ignored: finish or close this window first</source>
        <extracomment>Set True on a field meant to be scanned into (``ScanGuard.welcome``): its keys pass.</extracomment>
        <translation>Pemindaian diabaikan: selesaikan atau tutup jendela ini dulu</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="196" />
        <source>Find a product</source>
        <translation>Cari produk</translation>
    </message>
    <message>
        <location filename="../../ui/sell_dialogs.py" line="202" />
        <source>Type part of the name or SKU</source>
        <translation>Ketik sebagian nama atau SKU</translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <location filename="../../ui/sell_page.py" line="89" />
        <source>Scan or type a code · 3*CODE adds three</source>
        <translation>Pindai atau ketik kode · 3*KODE menambah tiga</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="94" />
        <source>Search (F2)</source>
        <translation>Cari (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="163" />
        <source>Open price… (F7)</source>
        <translation>Harga terbuka… (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="166" />
        <source>Goods without a label: pick the artisan, type the name and the price</source>
        <translation>Barang tanpa label: pilih pengrajin, ketik nama dan harganya</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="105" />
        <source>Add product…</source>
        <translation>Tambah produk…</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="110" />
        <source>Open price…</source>
        <translation>Harga terbuka…</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="155" />
        <source>Remove line (Del)</source>
        <translation>Hapus baris (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="158" />
        <source>Discount (F4)</source>
        <translation>Diskon (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="160" />
        <source>Price (F6)</source>
        <translation>Harga (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="191" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="211" />
        <source>Pay (F12)</source>
        <translation>Bayar (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="218" />
        <source>Park / Recall (F8)</source>
        <translation>Tunda / Panggil (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="220" />
        <location filename="../../ui/sell_page.py" line="554" />
        <source>Cancel sale</source>
        <translation>Batalkan penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="224" />
        <source>Customer display (F9)</source>
        <translation>Layar pelanggan (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="390" />
        <source>%1 × %2 added. Recorded stock is only %3: check the shelf count.</source>
        <translation>%1 × %2 ditambahkan. Stok tercatat hanya %3: periksa jumlah di rak.</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="452" />
        <source>Removed: %1</source>
        <translation>Dihapus: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="460" />
        <location filename="../../ui/sell_page.py" line="469" />
        <source>Scan something first</source>
        <translation>Pindai barang dulu</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="516" />
        <source>Cart parked. Press F8 to recall it.</source>
        <translation>Keranjang ditunda. Tekan F8 untuk memanggilnya kembali.</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="529" />
        <source>No parked carts</source>
        <translation>Tidak ada keranjang tunda</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="538" />
        <source>Cart recalled</source>
        <translation>Keranjang dipanggil kembali</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="546" />
        <source>Parked carts: %1</source>
        <translation>Keranjang ditunda: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="555" />
        <source>Empty the cart? Nothing has been sold yet.</source>
        <translation>Kosongkan keranjang? Belum ada yang terjual.</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="567" />
        <source>Cart emptied</source>
        <translation>Keranjang dikosongkan</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="577" />
        <source>%1 items</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="577" />
        <source>%1 item</source>
        <translation>%1 barang</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="580" />
        <source>discounts %1</source>
        <translation>diskon %1</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="616" />
        <source>Open the business day before selling</source>
        <translation>Buka hari penjualan sebelum berjualan</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="621" />
        <source>Sign in before taking payment</source>
        <translation>Masuk dulu sebelum menerima pembayaran</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="660" />
        <source>Sale %1 done · change %2</source>
        <translation>Penjualan %1 selesai · kembalian %2</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="719" />
        <source>More products: use the search (F2)</source>
        <translation>Produk lainnya: gunakan pencarian (F2)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="54" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="69" />
        <source>Stand and event</source>
        <translation>Stan dan acara</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="70" />
        <source>Stand name</source>
        <translation>Nama stan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="71" />
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="72" />
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="73" />
        <source>First day (YYYY-MM-DD)</source>
        <translation>Hari pertama (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74" />
        <source>Last day (YYYY-MM-DD)</source>
        <translation>Hari terakhir (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75" />
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="76" />
        <source>Till code</source>
        <translation>Kode kasir</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="83" />
        <source>Contact for bulk orders</source>
        <translation>Kontak pesanan grosir</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="86" />
        <source>Receipts</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="96" />
        <source>Receipt language</source>
        <translation>Bahasa struk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="100" />
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="112" />
        <source>Till</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="116" />
        <source>Window language</source>
        <translation>Bahasa tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="119" />
        <source>Customer origins</source>
        <translation>Asal pembeli</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="120" />
        <source>Country codes separated by commas</source>
        <translation>Kode negara dipisah koma</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="121" />
        <source>Supervisor needed above discount</source>
        <translation>Perlu supervisor jika diskon di atas</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="134" />
        <source>Where</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="136" />
        <source>folder · printer name · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0</source>
        <translation>folder · nama printer · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="123" />
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77" />
        <source>Main till (owns the catalogue)</source>
        <translation>Kasir utama (pemilik katalog)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="80" />
        <source>The till code of the stand's main till: it edits artisans and products and settles with them; the other tills take its catalogue</source>
        <translation>Kode kasir utama stan: kasir itu mengubah pengrajin dan produk serta membayar mereka; kasir lain menerima katalognya</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="84" />
        <source>Logo (image file, for the customer display)</source>
        <translation>Logo (file gambar, untuk layar pelanggan)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="88" />
        <source>Header lines (Indonesian)</source>
        <translation>Baris kepala (Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="89" />
        <source>Footer lines (Indonesian)</source>
        <translation>Baris penutup (Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="90" />
        <source>Header lines (English)</source>
        <translation>Baris kepala (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="91" />
        <source>Empty: the Indonesian ones</source>
        <translation>Kosong: sama dengan versi Indonesia</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="92" />
        <source>Footer lines (English)</source>
        <translation>Baris penutup (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="104" />
        <source>Rates of the day (rupiah per unit)</source>
        <translation>Kurs hari ini (rupiah per satuan)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="107" />
        <source>Customers from KR see KRW, FR see EUR, IN see INR, other foreigners USD; the first rate is used when no origin is chosen. Printed as reference only, not a charge.</source>
        <translation>Pembeli dari KR melihat KRW, FR melihat EUR, IN melihat INR, pembeli asing lain USD; kurs pertama dipakai bila asal pembeli tidak dipilih. Dicetak hanya sebagai referensi, bukan tagihan.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="109" />
        <source>Rates entered on (YYYY-MM-DD)</source>
        <translation>Kurs diisi tanggal (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="110" />
        <source>Empty: today, when the rates change</source>
        <translation>Kosong: hari ini, saat kurs berubah</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="127" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="129" />
        <source>PDF folder</source>
        <translation>Folder PDF</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="130" />
        <source>System printer</source>
        <translation>Printer sistem</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="131" />
        <source>ESC/POS thermal printer</source>
        <translation>Printer thermal ESC/POS</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="138" />
        <source>Test print</source>
        <translation>Cetak uji</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="143" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="144" />
        <source>Static QRIS (the sticker's text)</source>
        <translation>QRIS statis (teks dari stikernya)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="148" />
        <source>The stand's own static QRIS with the amount filled in, not an acquirer-issued dynamic QRIS: check it on the stand's own phone before the event. The payment is still confirmed on the merchant app.</source>
        <translation>QRIS statis milik stan dengan nominal yang sudah diisi, bukan QRIS dinamis yang diterbitkan acquirer: periksa dengan ponsel stan sendiri sebelum acara. Pembayaran tetap dikonfirmasi di aplikasi merchant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="156" />
        <source>Staff</source>
        <translation>Staf</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="162" />
        <source>Add staff…</source>
        <translation>Tambah staf…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="168" />
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="169" />
        <source>Second folder (e.g. a USB stick)</source>
        <translation>Folder kedua (mis. flashdisk)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="170" />
        <source>Every N minutes</source>
        <translation>Setiap N menit</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="171" />
        <source>Restore a backup…</source>
        <translation>Pulihkan cadangan…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="177" />
        <source>Support</source>
        <translation>Dukungan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="182" />
        <source>Warnings, errors and their details, for support</source>
        <translation>Peringatan, galat dan rinciannya, untuk dukungan teknis</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="183" />
        <source>Log file</source>
        <translation>Berkas log</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="190" />
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="232" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="232" />
        <source>cashier</source>
        <translation>kasir</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="236" />
        <source>No accounts: the till runs unlocked</source>
        <translation>Belum ada akun: kasir berjalan tanpa kunci</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="245" />
        <source>Account created: %1</source>
        <translation>Akun dibuat: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="265" />
        <source>Backup restored; the database as it was is kept in %1</source>
        <translation>Cadangan dipulihkan; database sebelumnya disimpan di %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="318" />
        <source>Settings saved</source>
        <translation>Pengaturan disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="331" />
        <source>Printing a test receipt…</source>
        <translation>Mencetak struk uji…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="335" />
        <source>Test receipt printed: %1</source>
        <translation>Struk uji dicetak: %1</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/setup_page.py" line="66" />
        <source>Test receipt printed: %1</source>
        <translation>Struk uji dicetak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="83" />
        <source>Set up the stand</source>
        <translation>Menyiapkan stan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="111" />
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="117" />
        <location filename="../../ui/setup_page.py" line="412" />
        <source>Next</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="178" />
        <source>Welcome. A few questions and the till is ready: who sells, at which event, on which printer. Everything can be changed later in Settings.</source>
        <translation>Selamat datang. Beberapa pertanyaan lalu kasir siap: siapa yang berjualan, di pameran mana, dengan printer apa. Semuanya bisa diubah nanti di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="183" />
        <source>Stand name</source>
        <translation>Nama stan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="183" />
        <source>e.g. Dekranasda Kota Cilegon</source>
        <translation>mis. Dekranasda Kota Cilegon</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="185" />
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="185" />
        <source>e.g. Ina Craft 2023</source>
        <translation>mis. Ina Craft 2023</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="187" />
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="187" />
        <source>e.g. Jakarta Convention Center, Hall B</source>
        <translation>mis. Jakarta Convention Center, Hall B</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="192" />
        <source>Window language</source>
        <translation>Bahasa tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="200" />
        <source>The days of the event: a day opened outside them asks first. Times are shown in the event's time zone.</source>
        <translation>Hari-hari pameran: membuka hari di luarnya akan ditanyakan dulu. Jam ditampilkan dalam zona waktu pameran.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="204" />
        <source>First day (YYYY-MM-DD)</source>
        <translation>Hari pertama (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="205" />
        <source>Last day (YYYY-MM-DD)</source>
        <translation>Hari terakhir (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="209" />
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="210" />
        <source>Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)</source>
        <translation>Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="217" />
        <source>The till code starts every receipt number (T1-000001): give each laptop of the stand its own. Then the receipt printer; try it with a test print.</source>
        <translation>Kode kasir mengawali setiap nomor struk (T1-000001): beri setiap laptop di stan kodenya sendiri. Lalu printer struk; coba dengan cetak uji.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="221" />
        <source>Till code</source>
        <translation>Kode kasir</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="225" />
        <source>Receipt language</source>
        <translation>Bahasa struk</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="231" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="233" />
        <source>PDF folder</source>
        <translation>Folder PDF</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="234" />
        <source>System printer</source>
        <translation>Printer sistem</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="235" />
        <source>ESC/POS thermal printer</source>
        <translation>Printer thermal ESC/POS</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="241" />
        <source>Where</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="242" />
        <source>folder · printer name · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0</source>
        <translation>folder · nama printer · 192.168.1.87:9100 · usb:04b8:0202 · /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="245" />
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="247" />
        <source>Test print</source>
        <translation>Cetak uji</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="264" />
        <source>Last, the artisans the stand sells for and their products. Choose one way (or several): nothing is written before you confirm.</source>
        <translation>Terakhir, pengrajin yang dijualkan stan beserta produknya. Pilih satu cara (atau beberapa): tidak ada yang disimpan sebelum Anda konfirmasi.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="276" />
        <source>From a spreadsheet</source>
        <translation>Dari lembar kerja</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="278" />
        <source>Artisans first, then products (XLSX or CSV). You see what would be added and every problem before anything is saved.</source>
        <translation>Pengrajin dulu, lalu produk (XLSX atau CSV). Anda melihat apa yang akan ditambahkan dan setiap masalah sebelum ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="283" />
        <source>Import artisans…</source>
        <translation>Impor pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="287" />
        <source>Import products…</source>
        <translation>Impor produk…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="301" />
        <source>Type them in</source>
        <translation>Ketik sendiri</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="302" />
        <source>One artisan or product at a time, in the forms of the Artisans and Products pages.</source>
        <translation>Satu pengrajin atau produk sekaligus, dengan formulir halaman Pengrajin dan Produk.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="306" />
        <source>Add artisan…</source>
        <translation>Tambah pengrajin…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="309" />
        <source>Add product…</source>
        <translation>Tambah produk…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="314" />
        <source>Just trying it out?</source>
        <translation>Hanya ingin mencoba?</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="316" />
        <source>The demo stand: the Dekranasda Kota Cilegon stand at Ina Craft 2023, 12 artisans and 54 products. Its own names and dates replace yours.</source>
        <translation>Stan demo: stan Dekranasda Kota Cilegon di Ina Craft 2023, 12 pengrajin dan 54 produk. Nama dan tanggalnya sendiri menggantikan isian Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="321" />
        <source>Open the demo stand</source>
        <translation>Buka stan demo</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="405" />
        <source>Step %1 of %2: %3</source>
        <translation>Langkah %1 dari %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="412" />
        <source>Open the till</source>
        <translation>Buka kasir</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="421" />
        <source>The stand</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="422" />
        <source>The event's days</source>
        <translation>Hari-hari pameran</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="423" />
        <source>The till and its receipt printer</source>
        <translation>Kasir dan printer struknya</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="424" />
        <source>Artisans and products</source>
        <translation>Pengrajin dan produk</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="483" />
        <source>Printing a test receipt…</source>
        <translation>Mencetak struk uji…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="496" />
        <source>On the stand now: %1 artisans, %2 products</source>
        <translation>Di stan sekarang: %1 pengrajin, %2 produk</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="502" />
        <source>Import artisans</source>
        <translation>Impor pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="502" />
        <source>Import products</source>
        <translation>Impor produk</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="504" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="514" />
        <location filename="../../ui/setup_page.py" line="543" />
        <source>Import or add the artisans first</source>
        <translation>Impor atau tambahkan pengrajin dulu</translation>
    </message>
    <message>
        <location filename="../../ui/setup_page.py" line="526" />
        <source>%1 added, %2 updated</source>
        <translation>%1 ditambahkan, %2 diperbarui</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="77" />
        <location filename="../../ui/staff_dialogs.py" line="100" />
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="84" />
        <source>Who is at the till?</source>
        <translation>Siapa yang di kasir?</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="92" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="95" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>StockNoteDialog</name>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="56" />
        <source>Goods in</source>
        <translation>Barang masuk</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="56" />
        <source>Goods back</source>
        <translation>Barang kembali</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="68" />
        <source>Artisan</source>
        <translation>Pengrajin</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="72" />
        <source>Scan a barcode or type SKU (3*SKU for three)</source>
        <translation>Pindai barcode atau ketik SKU (3*SKU untuk tiga)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="75" />
        <source>Scan</source>
        <translation>Pindai</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="85" />
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="90" />
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="96" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="96" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="96" />
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="96" />
        <source>On hand</source>
        <translation>Stok</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="107" />
        <source>Remove line</source>
        <translation>Hapus baris</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="114" />
        <source>Return everything left</source>
        <translation>Kembalikan semua sisa</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="128" />
        <source>Note printed on the slip (optional)</source>
        <translation>Catatan yang dicetak di nota (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="135" />
        <source>Save and print note</source>
        <translation>Simpan dan cetak nota</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="135" />
        <source>Save and print return note</source>
        <translation>Simpan dan cetak nota kembali</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="143" />
        <source>Scan ignored: scan goods into the scan field</source>
        <translation>Pindaian diabaikan: pindai barang ke kolom pindai</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="226" />
        <source>Nothing of this artisan is left on hand</source>
        <translation>Tidak ada sisa barang pengrajin ini</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="250" />
        <source>%1 items · %2 at selling price</source>
        <translation>%1 barang · %2 dengan harga jual</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialogs.py" line="278" />
        <source>%1 saved: %2 items</source>
        <translation>%1 tersimpan: %2 barang</translation>
    </message>
</context>
<context>
    <name>SupervisorBox</name>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="38" />
        <source>Supervisor approval</source>
        <translation>Persetujuan supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="46" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="48" />
        <source>Supervisor PIN</source>
        <translation>PIN supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="51" />
        <source>e.g. damaged, wrong size, bulk buyer</source>
        <translation>mis. rusak, salah ukuran, pembeli grosir</translation>
    </message>
    <message>
        <location filename="../../ui/staff_dialogs.py" line="53" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="192" />
        <source>Sync between tills</source>
        <translation>Sinkronisasi antarkasir</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="201" />
        <source>Pairing code for the other tills</source>
        <translation>Kode pasangan untuk kasir lain</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="209" />
        <source>New pairing code</source>
        <translation>Kode pasangan baru</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="211" />
        <source>Serve the other tills from this window</source>
        <translation>Layani kasir lain dari jendela ini</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="224" />
        <source>Push to the main till</source>
        <translation>Kirim ke kasir utama</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="234" />
        <source>Main till's address</source>
        <translation>Alamat kasir utama</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="235" />
        <source>Pairing code</source>
        <translation>Kode pasangan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="236" />
        <source>Push every (minutes)</source>
        <translation>Kirim setiap (menit)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="238" />
        <location filename="../../ui/sync_page.py" line="261" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="240" />
        <location filename="../../ui/sync_page.py" line="263" />
        <source>Push now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="252" />
        <source>The council's central database</source>
        <translation>Database pusat dewan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="259" />
        <source>Address (DSN)</source>
        <translation>Alamat (DSN)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="276" />
        <source>Till</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="276" />
        <source>Last entry</source>
        <translation>Entri terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="276" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="276" />
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="282" />
        <source>Other tills whose records this till has</source>
        <translation>Kasir lain yang catatannya ada di kasir ini</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="286" />
        <source>Export bundle to a file…</source>
        <translation>Ekspor bundel ke berkas…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="288" />
        <source>Import a bundle file…</source>
        <translation>Impor berkas bundel…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="343" />
        <source>This till (%1) is the stand's main till</source>
        <translation>Kasir ini (%1) adalah kasir utama stan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="346" />
        <source>This till: %1 · main till: %2</source>
        <translation>Kasir ini: %1 · kasir utama: %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="361" />
        <source>Serving: the other tills push to %1</source>
        <translation>Melayani: kasir lain mengirim ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="364" />
        <source>Not serving from this window</source>
        <translation>Tidak melayani dari jendela ini</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="373" />
        <location filename="../../ui/sync_page.py" line="427" />
        <source>Pushing…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="380" />
        <location filename="../../ui/sync_page.py" line="438" />
        <source>Last push %1 failed: %2</source>
        <translation>Kirim terakhir %1 gagal: %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="387" />
        <source>Last push %1: sent %2 entries, received %3</source>
        <translation>Kirim terakhir %1: %2 entri dikirim, %3 diterima</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="393" />
        <source>joined the stand</source>
        <translation>bergabung ke stan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="420" />
        <location filename="../../ui/sync_page.py" line="456" />
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="430" />
        <source>Type the central database's address first</source>
        <translation>Ketik dulu alamat database pusat</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="446" />
        <source>Last push to the central database %1: %2 new entries</source>
        <translation>Pengiriman terakhir ke database pusat %1: %2 entri baru</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="470" />
        <source>Export bundle</source>
        <translation>Ekspor bundel</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="472" />
        <source>Bundles (*.bundle)</source>
        <translation>Bundel (*.bundle)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="479" />
        <source>Import bundle</source>
        <translation>Impor bundel</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="479" />
        <source>Bundles (*.bundle);;All files (*)</source>
        <translation>Bundel (*.bundle);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="499" />
        <source>Writing the bundle…</source>
        <translation>Menulis bundel…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="502" />
        <source>Bundle saved: %1</source>
        <translation>Bundel tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="525" />
        <source>Imported from %1: %2 entries</source>
        <translation>Diimpor dari %1: %2 entri</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="529" />
        <source>Nothing new in this bundle</source>
        <translation>Tidak ada yang baru di bundel ini</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="536" />
        <source>Importing the bundle…</source>
        <translation>Mengimpor bundel…</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="82" />
        <source>Void sale</source>
        <translation>Batalkan penjualan</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="85" />
        <source>The whole sale is cancelled: the goods go back to stock and the money back by the way it was paid.</source>
        <translation>Seluruh penjualan dibatalkan: barang kembali ke stok dan uang kembali sesuai cara bayarnya.</translation>
    </message>
    <message>
        <location filename="../../ui/correction_dialogs.py" line="91" />
        <source>Void</source>
        <translation>Batalkan</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <location filename="../../ui/record_dialogs.py" line="59" />
        <source>Scan ignored: finish this form first</source>
        <extracomment>ImportProblem.column -&gt; the field's objectName</extracomment>
        <translation>Pindaian diabaikan: selesaikan formulir ini dulu</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialogs.py" line="81" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/background.py" line="56" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>printing_jobs</name>
    <message>
        <location filename="../../ui/printing_jobs.py" line="21" />
        <source>%1 printed: %2</source>
        <translation>%1 dicetak: %2</translation>
    </message>
    <message>
        <location filename="../../ui/printing_jobs.py" line="25" />
        <source>%1 was not printed: %2</source>
        <translation>%1 tidak tercetak: %2</translation>
    </message>
</context>
</TS>