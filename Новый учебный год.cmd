@echo off
chcp 65001 >nul
cd /d "%~dp0"
set "NASTAVNIK=nastavnik"
if exist "%LOCALAPPDATA%\Наставник\venv\Scripts\nastavnik.exe" set "NASTAVNIK=%LOCALAPPDATA%\Наставник\venv\Scripts\nastavnik.exe"
if exist ".venv\Scripts\nastavnik.exe" set "NASTAVNIK=.venv\Scripts\nastavnik.exe"
"%NASTAVNIK%" new-year
echo.
pause
