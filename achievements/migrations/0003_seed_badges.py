"""The launch badges. Staff add more in the admin: a badge is a rule and a threshold."""

from django.db import migrations

BADGES = [
    # code, name, description, icon, rule, threshold
    ("first-practice", "First steps", "Record your first practice.", "🌱", "sessions", 1),
    ("streak-3", "Three in a row", "Practise three days in a row.", "🔥", "streak_days", 3),
    ("streak-7", "A full week", "Practise seven days in a row.", "📅", "streak_days", 7),
    ("streak-30", "Thirty days strong", "Practise thirty days in a row.", "🌕", "streak_days", 30),
    ("streak-100", "Hundred-day habit", "Practise a hundred days in a row.", "🏔️", "streak_days", 100),
    ("sessions-10", "Ten sessions", "Record ten practices.", "🧘", "sessions", 10),
    ("sessions-50", "Fifty sessions", "Record fifty practices.", "🪷", "sessions", 50),
    ("sessions-100", "Centurion", "Record a hundred practices.", "💯", "sessions", 100),
    ("minutes-60", "First hour", "Practise for sixty minutes in all.", "⏱️", "minutes", 60),
    ("minutes-600", "Ten hours on the mat", "Practise for six hundred minutes in all.", "⌛", "minutes", 600),
    ("minutes-3000", "Fifty hours", "Practise for three thousand minutes in all.", "🌳", "minutes", 3000),
    ("explorer-5", "Explorer", "Practise five different sequences.", "🧭", "distinct_sequences", 5),
    ("creator", "Creator", "Build your first sequence of your own.", "🛠️", "custom_sequences", 1),
    ("early-bird", "Early bird", "Start a practice before 7:00 in the morning.", "🌅", "early_sessions", 1),
    ("night-owl", "Night owl", "Start a practice after 20:00 in the evening.", "🦉", "evening_sessions", 1),
    ("finisher-10", "Finisher", "Practise ten sequences all the way to the end.", "🏁", "completed_sessions", 10),
]


def seed(apps, schema_editor):
    Achievement = apps.get_model("achievements", "Achievement")
    for order, (code, name, description, icon, rule, threshold) in enumerate(BADGES):
        Achievement.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "icon": icon,
                "rule": rule,
                "threshold": threshold,
                "sort_order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("achievements", "Achievement").objects.filter(
        code__in=[badge[0] for badge in BADGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("achievements", "0002_initial")]

    operations = [migrations.RunPython(seed, unseed)]
