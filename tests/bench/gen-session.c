/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen-session PARTNERS ITEMS OUT: writes a workshop of the given size for
 * build-aux/bench, built through the core API and saved by the XML writer.
 * ITEMS counts every rated or assigned thing: 80 % statements (spread over
 * the five lessons), 10 % aims, 10 % role tasks. Every partner answers
 * everything and comments on every lesson; the answers come from a fixed
 * seed, so the same arguments always give the same file. With --empty,
 * nobody has answered yet (bench-room's phones do). */
#define G_LOG_DOMAIN "cg-bench"
#include "config.h"

#include <stdlib.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"

static const char *words[] = {
  "partners", "share", "information", "early", "families", "trust",  "referrals", "meetings",
  "agree",    "plans", "roles",       "clear", "outcomes", "budget", "review",
};

static char *
sentence (GRand      *rand,
          const char *prefix,
          guint       n)
{
  GString *s = g_string_new (NULL);
  guint length = g_rand_int_range (rand, 6, 16);

  g_string_append_printf (s, "%s %u:", prefix, n);
  for (guint i = 0; i < length; i++)
    g_string_append_printf (s, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static void
add_items (CgSession *session,
           GRand     *rand,
           guint      n_items,
           GArray    *rated,
           GArray    *tasks)
{
  guint n_tasks = MAX (1, n_items / 10);
  guint n_aims = MAX (1, n_items / 10);
  guint n_statements = n_items > n_tasks + n_aims ? n_items - n_tasks - n_aims : CG_N_LESSONS;

  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *text = sentence (rand, "Statement", i + 1);
      guint id = cg_session_add_statement (session, i % CG_N_LESSONS, text);
      g_array_append_val (rated, id);
    }
  for (guint i = 0; i < n_aims; i++)
    {
      g_autofree char *text = sentence (rand, "Aim", i + 1);
      guint id = cg_session_add_aim (session, text);
      g_array_append_val (rated, id);
    }
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *text = sentence (rand, "Task", i + 1);
      guint id = cg_session_add_task (session, text);
      g_array_append_val (tasks, id);
    }
}

/* Ratings lean on a per-item mood so that some items agree and some split. */
static void
answer (CgSession *session,
        GRand     *rand,
        GArray    *partners,
        GArray    *rated,
        GArray    *tasks)
{
  for (guint i = 0; i < rated->len; i++)
    {
      guint item = g_array_index (rated, guint, i);
      int mood = g_rand_int_range (rand, 1, 6);

      for (guint p = 0; p < partners->len; p++)
        {
          int r = CLAMP (mood + g_rand_int_range (rand, -1, 2), 1, 5);
          CgRating rating =
            g_rand_int_range (rand, 0, 20) == 0 ? CG_RATING_DONT_KNOW : (CgRating) r;

          cg_session_set_rating (session, g_array_index (partners, guint, p), item, rating);
        }
    }
  for (guint t = 0; t < tasks->len; t++)
    for (guint p = 0; p < partners->len; p++)
      {
        guint pid = g_array_index (partners, guint, p);
        guint task = g_array_index (tasks, guint, t);
        guint believed = g_array_index (partners, guint, g_rand_int_range (rand, 0, partners->len));

        cg_session_set_involvement (session, pid, task,
                                    (CgInvolvement) g_rand_int_range (rand, CG_INVOLVEMENT_NONE,
                                                                      CG_INVOLVEMENT_INFORMED + 1));
        cg_session_set_believed_accountable (session, pid, task, believed);
      }
}

static CgSession *
generate (guint    n_partners,
          guint    n_items,
          gboolean empty)
{
  CgSession *session = cg_session_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240601);
  g_autoptr (GArray) partners = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) rated = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) tasks = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Building is not editing: no undo history for a million answers. */
  cg_session_set_recording (session, FALSE);
  cg_session_set_detail (session, CG_DETAIL_TITLE, "Benchmark workshop");
  cg_session_set_detail (session, CG_DETAIL_DATE, "2024-06-01");
  for (guint p = 0; p < n_partners; p++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", p + 1);
      g_autofree char *org = g_strdup_printf ("Organisation %u", p / 3 + 1);
      guint id = cg_session_add_partner (session, name, org, "Practitioner");
      g_array_append_val (partners, id);
    }
  add_items (session, rand, n_items, rated, tasks);
  if (empty)
    {
      cg_session_set_current_stage (session, CG_STAGE_LESSON_1);
      cg_session_set_recording (session, TRUE);
      return session;
    }
  answer (session, rand, partners, rated, tasks);
  for (guint p = 0; p < n_partners; p++)
    for (guint l = 0; l < CG_N_LESSONS; l++)
      {
        g_autofree char *text = sentence (rand, "Comment", l + 1);
        cg_session_set_comment (session, g_array_index (partners, guint, p), l, text);
      }
  cg_session_set_recording (session, TRUE);
  return session;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 4 && !(argc == 5 && g_str_equal (argv[4], "--empty")))
    {
      g_printerr ("Usage: gen-session PARTNERS ITEMS OUT.commonground [--empty]\n");
      return 2;
    }
  session = generate (strtoul (argv[1], NULL, 10), strtoul (argv[2], NULL, 10), argc == 5);
  file = g_file_new_for_commandline_arg (argv[3]);
  if (!cg_session_xml_save_file (session, file, FALSE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
