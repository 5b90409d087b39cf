; Inno Setup script of Zhigai (智改): installs the one-folder program that installer\build.py
; builds (Zhigai.exe, zhigai-cli.exe, _internal\) under Program Files, with a Start-menu
; shortcut, an optional desktop shortcut and an uninstaller.
;
;   installer\windows\build.ps1                      (builds the program, then runs this script)
;   ISCC /DAppVersion=0.1.0 [/DBundleDir=DIR] [/DOutputDir=DIR] installer\windows\zhigai.iss
;
; Needs Inno Setup 6.3 or newer (this file is UTF-8 without a byte order mark; x64compatible).
; NOT TESTED: written and reviewed on Linux, where Inno Setup does not run.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (build.ps1 reads it from the package)
#endif
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\Zhigai"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist"
#endif
#if !FileExists(AddBackslash(BundleDir) + "Zhigai.exe")
  #error No Zhigai.exe in BundleDir: build the program first (python installer\build.py)
#endif

#define AppDisplayName "智改 Zhigai"

; Chinese (Simplified) wizard texts. Inno Setup's Chinese translation is user-contributed: older
; releases do not ship it (https://jrsoftware.org/files/istrans/), recent ones may have it in
; Languages\. Used in this order: ChineseSimplified.isl beside this script (build.ps1
; -FetchChineseIsl downloads it there), then the compiler's Languages\ folder. Without either the
; installer is English only, and the compiler says so.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found: this installer is in English only (see installer\README.md)"
#endif

[Setup]
; the AppId identifies the program for upgrades and the uninstaller: never change it
AppId={{EA907C5E-F825-4A8D-8193-B0B5B7F82460}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher=Zhigai
DefaultDirName={autopf}\Zhigai
DefaultGroupName={#AppDisplayName}
DisableProgramGroupPage=yes
; Program Files for all users; the first page lets a user without admin rights install for
; themselves only
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and later
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Zhigai-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
UninstallDisplayName={#AppDisplayName}
UninstallDisplayIcon={app}\Zhigai.exe

[Languages]
#ifdef ChineseIsl
Name: "zh"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade replaces the whole bundle: no module of the previous version may stay behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\Zhigai.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppDisplayName}"; Filename: "{app}\Zhigai.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\Zhigai.exe"; Description: "{cm:LaunchProgram,{#AppDisplayName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; the program folder only: the assessments and settings (in the user's AppData folder) stay
Type: filesandordirs; Name: "{app}\_internal"
