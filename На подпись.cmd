@echo off
chcp 65001 >nul
cd /d "%~dp0"
set "NASTAVNIK=nastavnik"
if exist "%LOCALAPPDATA%\Наставник\venv\Scripts\nastavnik.exe" set "NASTAVNIK=%LOCALAPPDATA%\Наставник\venv\Scripts\nastavnik.exe"
if exist ".venv\Scripts\nastavnik.exe" set "NASTAVNIK=.venv\Scripts\nastavnik.exe"
"%NASTAVNIK%" print
if errorlevel 2 (
  echo.
  echo Файл «На подпись» не собран: причина написана выше.
  pause
  exit /b
)
for /f "delims=" %%f in ('dir /b /o-d "output\На подпись *.pdf" 2^>nul') do (
  start "" "output\%%f"
  exit /b
)
pause
