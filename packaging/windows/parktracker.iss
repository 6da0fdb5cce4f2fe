; Inno Setup 6 script: a Windows installer for the one-folder bundle in dist\ParkTracker.
; Build the bundle first (python packaging\build.py), then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\parktracker.iss
; Output: dist\ParkTracker-<version>-setup.exe. Per-user install by default (no admin rights
; needed); the data folder (%APPDATA%\ParkTracker) is never touched by install or uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F0C7D2E-3B1A-4E5C-9A8D-2C4B7E1F0A93}
AppName=ParkTracker
AppVerName=ParkTracker {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=ParkTracker
VersionInfoVersion={#AppVersion}
VersionInfoProductName=园区项目投资跟踪
DefaultDirName={autopf}\ParkTracker
DefaultGroupName=园区项目投资跟踪
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=ParkTracker-{#AppVersion}-setup
SetupIconFile=resources\icons\parktracker.ico
UninstallDisplayIcon={app}\ParkTracker.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\ParkTracker\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\园区项目投资跟踪"; Filename: "{app}\ParkTracker.exe"
Name: "{group}\{cm:UninstallProgram,ParkTracker}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\园区项目投资跟踪"; Filename: "{app}\ParkTracker.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ParkTracker.exe"; Description: "{cm:LaunchProgram,ParkTracker}"; Flags: nowait postinstall skipifsilent
