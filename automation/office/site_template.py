"""«Страница для сайта.html»: the default template of the site page (Jinja over HTML, autoescaped), a page the
school pastes into its site's mentoring section (regulation, section VIII)."""

SITE_PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Наставничество — {{ орг.краткое }}</title>
<style>
  body { font-family: "Times New Roman", serif; font-size: 16px; max-width: 1100px; margin: 1em auto; color: #111; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; }
  th, td { border: 1px solid #888; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #eef3fb; }
</style>
</head>
<body>
<h1>Система наставничества педагогических работников</h1>
<p>{{ орг.полное }}. Сведения на {{ дата }}; публикуются с согласия участников
(раздел VIII Положения о системе наставничества).</p>
<h2>Наставники и наставляемые</h2>
<table>
<tr><th>№</th><th>Наставник</th><th>Наставляемые</th><th>Форма наставничества</th><th>Направление</th></tr>
{% for п in пары %}<tr><td>{{ п.номер }}</td><td>{{ п.наставник.фио.им }}, {{ п.наставник.должность.им }}</td>
<td>{{ п.наставляемые_полностью }}</td><td>{{ п.форма }}</td><td>{{ п.направление }}</td></tr>
{% endfor %}</table>
{% if завершённые %}<h2>Завершённые программы наставничества</h2>
<table>
<tr><th>№</th><th>Наставник</th><th>Наставляемые</th><th>Цель программы</th><th>Итоги</th><th>Завершена</th></tr>
{% for п in завершённые %}<tr><td>{{ п.номер }}</td><td>{{ п.наставник.фио.им }}</td><td>{{ п.наставляемые_полностью }}</td>
<td>{{ п.цель }}</td><td>{{ п.итоги }}</td><td>{{ п.завершена }}</td></tr>
{% endfor %}</table>{% endif %}
</body>
</html>
"""
