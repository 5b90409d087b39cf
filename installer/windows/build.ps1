<#
.SYNOPSIS
  Build the Windows installer of Zhigai: the one-folder program (installer\build.py, PyInstaller),
  then Zhigai-<version>-setup.exe with Inno Setup 6.3 or newer.

.DESCRIPTION
  Run from anywhere, in a checkout where the project's environment is installed:

    py -3.11 -m venv .venv
    .venv\Scripts\python -m pip install -e ".[test]"
    powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-FetchChineseIsl]

  Produces installer\dist\Zhigai\ (the program) and installer\dist\Zhigai-<version>-setup.exe.
  NOT TESTED: written on Linux, where neither PowerShell's Windows paths nor Inno Setup run.

.PARAMETER Python
  The Python of the project's environment (default: .venv\Scripts\python.exe, else python).

.PARAMETER Iscc
  Inno Setup's command line compiler (default: ISCC.exe on the PATH or in the usual folders).

.PARAMETER FetchChineseIsl
  Download Inno Setup's user-contributed Simplified Chinese messages (ChineseSimplified.isl, from
  the Inno Setup source repository on GitHub) beside zhigai.iss, so that the installer speaks
  Chinese. Without it, the installer is Chinese only if your Inno Setup ships that file.
#>
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$FetchChineseIsl
)

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Dist = Join-Path $Root "installer\dist"
$Work = Join-Path $Root "installer\build"

if (-not $Python) {
    $venvPython = Join-Path $Root ".venv\Scripts\python.exe"
    if (Test-Path $venvPython) { $Python = $venvPython } else { $Python = "python" }
}

if (-not $Iscc) {
    $found = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($found) {
        $Iscc = $found.Source
    } else {
        $candidates = @(
            (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
        )
        $Iscc = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    }
    if (-not $Iscc) {
        throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isinfo.php or pass -Iscc PATH"
    }
}

if ($FetchChineseIsl) {
    $target = Join-Path $PSScriptRoot "ChineseSimplified.isl"
    $urls = @(
        "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/ChineseSimplified.isl",
        "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl"
    )
    $fetched = $false
    foreach ($url in $urls) {
        try {
            Invoke-WebRequest -Uri $url -OutFile $target -UseBasicParsing
            Write-Host "fetched $url"
            $fetched = $true
            break
        } catch {
            Write-Host "not found: $url"
        }
    }
    if (-not $fetched) { Write-Warning "ChineseSimplified.isl could not be downloaded: English-only installer" }
}

# 1. the program folder
& $Python (Join-Path $Root "installer\build.py") --dist $Dist --work $Work
if ($LASTEXITCODE -ne 0) { throw "installer\build.py failed (exit $LASTEXITCODE)" }
$Version = (& $Python (Join-Path $Root "installer\build.py") --print-version).Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "could not read the version" }

# 2. a quick check of the frozen program before packaging it (the console executable): the
#    version, then data, translations, image formats and pandas (--self-check, offscreen)
$Cli = Join-Path $Dist "Zhigai\zhigai-cli.exe"
& $Cli --version
if ($LASTEXITCODE -ne 0) { throw "the built zhigai-cli.exe does not start" }
$env:QT_QPA_PLATFORM = "offscreen"
& $Cli --self-check
$checked = $LASTEXITCODE
Remove-Item Env:QT_QPA_PLATFORM
if ($checked -ne 0) { throw "the built program fails its self-check (see above)" }

# 3. the installer
& $Iscc "/DAppVersion=$Version" "/DBundleDir=$(Join-Path $Dist 'Zhigai')" "/DOutputDir=$Dist" (Join-Path $PSScriptRoot "zhigai.iss")
if ($LASTEXITCODE -ne 0) { throw "ISCC failed (exit $LASTEXITCODE)" }

$Setup = Join-Path $Dist "Zhigai-$Version-setup.exe"
Write-Host ("installer: {0} ({1:N1} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
# Optional: sign the program and the installer with your certificate, e.g.
#   signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a $Setup
