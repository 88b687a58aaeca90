; Windows Explorer's "Send to" → "Upload with Hakobu" (issue 11), included by electron-builder
; (nsis.include in electron-builder.yml). Explorer runs the shortcut with the chosen files after
; its arguments: `Hakobu.exe -- C:\a.txt C:\b.txt`. After "--" Chromium reads no switches, so a
; file named like one stays a file; the running Hakobu asks before uploading anything.
;
; Send To has no all-users folder: each account's is %APPDATA%\Microsoft\Windows\SendTo. So a
; per-machine install (nsis.perMachine) puts the shortcut in
;   - the Default profile's SendTo, which Windows copies into every account created later, and
;   - the SendTo of the account that runs the installer (none of use when that is SYSTEM).
; Accounts that already exist get it from IT (Group Policy Preferences, see docs/it-admin.md).
; The uninstaller removes both; an update reinstalls them.

!define HAKOBU_SEND_TO_LINK "Upload with Hakobu.lnk"

; The Default profile's SendTo folder (empty when Windows does not say where that profile is).
!macro hakobuDefaultProfileSendTo OUT
  ReadRegStr ${OUT} HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList" "Default"
  ${If} ${OUT} != ""
    ExpandEnvStrings ${OUT} ${OUT}
    StrCpy ${OUT} "${OUT}\AppData\Roaming\Microsoft\Windows\SendTo"
  ${EndIf}
!macroend

!macro hakobuCreateSendTo FOLDER
  CreateDirectory "${FOLDER}"
  CreateShortCut "${FOLDER}\${HAKOBU_SEND_TO_LINK}" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--" \
    "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0 SW_SHOWNORMAL "" "Upload with Hakobu"
!macroend

!macro customInstall
  ; $SENDTO has no all-users form: read it for the account running the installer.
  SetShellVarContext current
  !insertmacro hakobuCreateSendTo "$SENDTO"
  ${If} $installMode == "all"
    !insertmacro hakobuDefaultProfileSendTo $R9
    ${If} $R9 != ""
      !insertmacro hakobuCreateSendTo "$R9"
    ${EndIf}
    SetShellVarContext all
  ${EndIf}
!macroend

!macro customUnInstall
  ${IfNot} ${isUpdated}
    SetShellVarContext current
    Delete "$SENDTO\${HAKOBU_SEND_TO_LINK}"
    !insertmacro hakobuDefaultProfileSendTo $R9
    ${If} $R9 != ""
      Delete "$R9\${HAKOBU_SEND_TO_LINK}"
    ${EndIf}
    ${If} $installMode == "all"
      SetShellVarContext all
    ${EndIf}
  ${EndIf}
!macroend
