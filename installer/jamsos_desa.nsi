; NSIS script for the Windows installer of Jamsos Desa.
; Per-user install (no administrator rights), Indonesian installer language, Start-menu and desktop
; shortcuts, and an uninstaller that keeps the user's database and backups unless asked.
; Build: makensis -DVERSION=0.1.0 -DSRCDIR=../dist/JamsosDesa -DOUTFILE=../dist/JamsosDesa-0.1.0-setup.exe jamsos_desa.nsi

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "VERSION belum diberikan: makensis -DVERSION=x.y.z ..."
!endif
!ifndef SRCDIR
  !define SRCDIR "../dist/JamsosDesa"
!endif
!ifndef OUTFILE
  !define OUTFILE "../dist/JamsosDesa-${VERSION}-setup.exe"
!endif
!ifndef EXENAME
  !define EXENAME "JamsosDesa.exe"
!endif

!define APPNAME "Jamsos Desa"
!define APPKEY "JamsosDesa"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
InstallDirRegKey HKCU "Software\${APPKEY}" "InstallDir"
SetCompressor /SOLID lzma

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1057 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileDescription" "Penganggaran iuran BPJS Ketenagakerjaan desa"
VIAddVersionKey /LANG=1057 "LegalCopyright" "Tim Jamsos Desa"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXENAME}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"

Section "Jamsos Desa" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}/*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  WriteRegStr HKCU "Software\${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Tim Jamsos Desa"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXENAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXENAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME} (mode debug).lnk" "$INSTDIR\JamsosDesa-debug.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Hapus ${APPNAME}.lnk" "$INSTDIR\Uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXENAME}"
SectionEnd

Section "un.Program ${APPNAME}" UnSecMain
  SectionIn RO
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPKEY}"
SectionEnd

; Unticked by default: the village's database, backups and logs stay unless the user asks.
Section /o "un.Hapus juga data desa (basis data, cadangan, log)" UnSecData
  RMDir /r "$LOCALAPPDATA\${APPKEY}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecMain} "Menghapus program Jamsos Desa dan pintasannya."
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "Centang hanya bila data desa di $LOCALAPPDATA\${APPKEY} memang ingin dihapus. Buat cadangan lebih dulu."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
