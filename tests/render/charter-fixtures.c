/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "charter-fixtures.h"

char *
charter_fixture_long_text (const char *tag,
                           guint       len)
{
  static const char *words[] = { "partnership", "shared",    "outcomes", "for",     "families",
                                 "with",        "joined-up", "support",  "across",  "health",
                                 "education",   "and",       "housing",  "services" };
  GString *s = g_string_new (tag);

  for (guint i = 0; s->len < len; i++)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, words[i % G_N_ELEMENTS (words)]);
    }
  g_string_truncate (s, len);
  return g_string_free (s, FALSE);
}

static void
rate_all (CgSession      *s,
          guint           item,
          const CgRating *ratings)
{
  for (guint i = 0; i < cg_session_get_n_partners (s); i++)
    cg_session_set_rating (s, cg_session_get_partner (s, i)->id, item, ratings[i]);
}

static void
add_sample_tasks (CgSession   *s,
                  const guint *p)
{
  guint clear = cg_session_add_task (s, "Lead the family's needs assessment");
  guint settled = cg_session_add_task (s, "Chair the weekly team meeting");
  guint overlap = cg_session_add_task (s, "Keep the family informed");
  guint gap = cg_session_add_task (s, "Manage the pooled budget");

  /* Clear: Sam (p[0]) claims A, Priya (p[1]) does the work. */
  cg_session_set_involvement (s, p[0], clear, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (s, p[1], clear, CG_INVOLVEMENT_RESPONSIBLE);
  /* Settled: nobody claimed it in the room; the facilitator named Mr Cohen. */
  cg_session_set_involvement (s, p[1], settled, CG_INVOLVEMENT_RESPONSIBLE);
  cg_session_set_task_charter_accountable (s, settled, p[3]);
  /* Overlap: Priya and Amira both claim it. */
  cg_session_set_involvement (s, p[1], overlap, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (s, p[2], overlap, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (s, p[0], overlap, CG_INVOLVEMENT_RESPONSIBLE);
  /* Gap: Sam does it, nobody owns it. */
  cg_session_set_involvement (s, p[0], gap, CG_INVOLVEMENT_RESPONSIBLE);
}

CgSession *
charter_fixture_sample (void)
{
  CgSession *s = cg_session_new ();
  guint p[4], aim[5], st;

  cg_session_set_detail (s, CG_DETAIL_TITLE, "Riverside Family Support Partnership");
  cg_session_set_detail (s, CG_DETAIL_DATE, "2026-11-22");
  cg_session_set_detail (s, CG_DETAIL_FACILITATOR, "Jo Facilitator");
  cg_session_set_detail (s, CG_DETAIL_CONTEXT,
                         "The Riverside family needs joined-up support: a parent with a "
                         "long-term illness, a child missing school, and housing problems.");
  p[0] = cg_session_add_partner (s, "Sam Okafor", "Riverside Social Services", "Social worker");
  p[1] = cg_session_add_partner (
    s, "Priya Natarajan", "Riverside Health Centre, Community Nursing and Health Visiting Team",
    "Health visitor");
  p[2] = cg_session_add_partner (s, "أميرة حداد", "Riverside Primary School", "Head teacher");
  p[3] = cg_session_add_partner (s, "David Cohen", "דיור ריברסייד", "Housing officer");

  aim[0] = cg_session_add_aim (s, "Children attend school every day");
  aim[1] = cg_session_add_aim (s, "The family has a safe, warm home");
  aim[2] = cg_session_add_aim (s, "One plan, told once, shared by all");
  aim[3] = cg_session_add_aim (s, "Weekly home visits by every partner");
  aim[4] = cg_session_add_aim (s, "The parent's illness is managed at home");
  {
    /* Means: aim0 3.5, aim1 5.0, aim2 4.0; aim3 and aim4 not agreed. */
    static const CgRating r0[] = { 3, 4, 4, 3 }, r1[] = { 5, 5, 5, 5 }, r2[] = { 4, 4, 4, 4 };
    static const CgRating r3[] = { 1, 5, 2, 4 };

    rate_all (s, aim[0], r0);
    rate_all (s, aim[1], r1);
    rate_all (s, aim[2], r2);
    rate_all (s, aim[3], r3);
  }
  cg_session_set_aim_agreed (s, aim[0], TRUE);
  cg_session_set_aim_agreed (s, aim[1], TRUE);
  cg_session_set_aim_agreed (s, aim[2], TRUE);

  st = cg_session_add_statement (s, 0, "Leadership of this partnership is accepted by all");
  {
    static const CgRating split[] = { 5, 1, 5, 2 };

    rate_all (s, st, split);
  }
  cg_session_set_comment (s, p[0], 0,
                          "Nobody has said who leads when the school and housing disagree.");
  cg_session_set_comment (s, p[2], 0, "نحتاج إلى قائد واحد متفق عليه.");
  add_sample_tasks (s, p);
  return s;
}

CgSession *
charter_fixture_stress (void)
{
  CgSession *s = cg_session_new ();
  g_autofree char *title = charter_fixture_long_text ("TitleStart", 300);
  g_autofree char *context = charter_fixture_long_text ("ContextStart", 2000);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  cg_session_set_detail (s, CG_DETAIL_TITLE, title);
  cg_session_set_detail (s, CG_DETAIL_DATE, "2026-01-31");
  cg_session_set_detail (s, CG_DETAIL_CONTEXT, context);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *tag = g_strdup_printf ("Partner%02u", i);
      g_autofree char *name =
        i % 10 == 3 ? charter_fixture_long_text (tag, 2000) : g_strdup_printf ("%s Surname", tag);
      g_autofree char *org =
        i % 7 == 0 ? charter_fixture_long_text ("Organisation", 600) : g_strdup ("An organisation");
      guint id = cg_session_add_partner (s, name, org, "Role");

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *tag = g_strdup_printf ("Aim%02u", i);
      g_autofree char *text =
        i % 8 == 0 ? charter_fixture_long_text (tag, 2000) : g_strdup_printf ("%s short aim", tag);
      guint aim = cg_session_add_aim (s, text);

      cg_session_set_aim_agreed (s, aim, TRUE);
      cg_session_set_rating (s, g_array_index (ids, guint, 0), aim, CG_RATING_1 + i % 5);
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *tag = g_strdup_printf ("Task%02u", i);
      g_autofree char *text =
        i % 6 == 0 ? charter_fixture_long_text (tag, 2000) : g_strdup_printf ("%s short task", tag);
      guint task = cg_session_add_task (s, text);

      cg_session_set_involvement (s, g_array_index (ids, guint, i), task,
                                  CG_INVOLVEMENT_ACCOUNTABLE);
      cg_session_set_involvement (s, g_array_index (ids, guint, (i + 1) % 30), task,
                                  CG_INVOLVEMENT_RESPONSIBLE);
    }
  {
    g_autofree char *rules = charter_fixture_long_text ("RulesStart", 2000);

    cg_session_set_charter_field (s, CG_CHARTER_GROUND_RULES, rules);
  }
  return s;
}
