<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Ya</translation></message>
    <message><source>&amp;No</source><translation>&amp;Tidak</translation></message>
    <message><source>Close</source><translation>Tutup</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>Reset</source><translation>Atur ulang</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Open</source><translation>&amp;Buka</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
</context>
</TS>
