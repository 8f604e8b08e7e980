#!/usr/bin/env pwsh
# Bootstrap (Nuke style), PowerShell twin of build.sh: find dotnet, build build/_build.csproj only when its sources
# changed, run it from the repository root with every argument. Exit codes: 0 ok, 1 a stage failed, 2 bad usage/input.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
Set-Location $Root

$dotnet = (Get-Command dotnet -ErrorAction SilentlyContinue)?.Source
if (-not $dotnet -and $env:DOTNET_ROOT) {
    foreach ($name in 'dotnet', 'dotnet.exe') {
        $candidate = Join-Path $env:DOTNET_ROOT $name
        if (Test-Path $candidate) { $dotnet = $candidate; break }
    }
}
if (-not $dotnet) {
    $home_dotnet = Join-Path $HOME '.dotnet' 'dotnet'
    if (Test-Path $home_dotnet) { $dotnet = $home_dotnet }
}
if (-not $dotnet) {
    [Console]::Error.WriteLine("error: the .NET SDK 10 was not found (looked on PATH, in `$DOTNET_ROOT and ~/.dotnet).")
    [Console]::Error.WriteLine("Install it from https://dot.net (e.g. dotnet-install.ps1 -Channel 10.0, or 'winget install Microsoft.DotNet.SDK.10'), then rerun ./build.ps1.")
    exit 2
}
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$stamp = Join-Path $Root '.pipeline/build-project.stamp'
$tool = Join-Path $Root '.pipeline/build-tool'
$out = Join-Path $tool '_build.dll'
$sources = @(Get-ChildItem -Path (Join-Path $Root 'build'), (Join-Path $Root 'src/Pipeline.Engine') -Recurse -File -Include *.cs, *.csproj, *.props, *.targets |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }) +
    @(Get-ChildItem -Path (Join-Path $Root '*') -File -Include Directory.*.props, Directory.*.targets, global.json -ErrorAction SilentlyContinue)
$lines = $sources | Sort-Object { [IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') } -CaseSensitive |
    ForEach-Object { (Get-FileHash $_.FullName -Algorithm SHA1).Hash + ' ' + [IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') }
$current = (Get-FileHash -InputStream ([IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes(($lines -join "`n")))) -Algorithm SHA1).Hash

if (-not (Test-Path $out) -or -not (Test-Path $stamp) -or ((Get-Content $stamp -Raw).Trim() -ne $current)) {
    [Console]::Error.WriteLine('building the build project (build/_build.csproj)...')
    New-Item -ItemType Directory -Force -Path (Join-Path $Root '.pipeline') | Out-Null
    if (Test-Path $tool) { Remove-Item -Recurse -Force $tool }
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $targets = Join-Path $Root 'src/Pipeline.Engine/ReadyToRun.targets'
    # ReadyToRun (precompiled) when the runtime pack and crossgen are available, a plain build otherwise
    $log = & $dotnet publish (Join-Path $Root 'build/_build.csproj') -c Release -r $rid --self-contained false -p:PublishReadyToRun=true `
        "-p:CustomAfterMicrosoftCommonTargets=$targets" -o $tool -nologo -v:q -clp:NoSummary 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log = & $dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $tool -nologo -v:q -clp:NoSummary 2>&1
        if ($LASTEXITCODE -ne 0) {
            $log | ForEach-Object { [Console]::Error.WriteLine($_) }
            [Console]::Error.WriteLine('error: build/_build.csproj does not compile (see above)')
            exit 2
        }
    }
    Set-Content -Path $stamp -Value $current -NoNewline
}
& $dotnet $out @args
exit $LASTEXITCODE
