; Inno Setup script for the Windows installer of Booth POS (Inno Setup 6).
;
; Build the bundle on Windows first:  python scripts\build_bundle.py
; then compile this script:           iscc packaging\windows\booth-pos.iss
; The installer goes to dist\installer\booth-pos-setup-VERSION.exe.
;
; UNTESTED HERE: written from the Inno Setup documentation; the bundle is built and tested
; on Linux only. Check it on a Windows machine before giving it to a stand.
;
; - Installs for the current user (no administrator needed) into
;   %LOCALAPPDATA%\Programs\Booth POS.
; - A Start-menu entry starts booth-pos-window.exe (no console window).
; - The stand's data is NOT in the program folder: the app keeps it in the user's profile
;   (%LOCALAPPDATA%\booth-pos: the database, receipts, backups). The uninstaller removes
;   only what it installed, so the data stays; remove that folder by hand to erase it.

#define AppName "Booth POS"
#define AppVersion "0.1.0"
#define Bundle "..\..\dist\booth-pos"

[Setup]
; The AppId identifies the app for upgrades and the uninstaller: never change it.
AppId={{6F4C2B7A-3D1E-4B8A-9C55-0B7E2D4A91F3}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Booth POS
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=booth-pos-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\booth-pos-window.exe

[Languages]
; Inno Setup ships no official Indonesian translation: the installer speaks English (the
; app itself starts in Indonesian).
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\booth-pos-window.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\booth-pos-window.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\booth-pos-window.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
