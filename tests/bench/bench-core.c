/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core FILE OUTDIR: times what Common Ground does with a session
 * file, for build-aux/bench. Prints one "name value" line per figure:
 * milliseconds (best of a few runs for the quick steps) and peak resident
 * memory in MiB. */
#define G_LOG_DOMAIN "cg-bench"
#include "config.h"

#include <sys/resource.h>

#include "cg-analysis.h"
#include "cg-charter-layout.h"
#include "cg-report-layout.h"
#include "cg-session-xml.h"

typedef gboolean (*Step) (gpointer data);

/* Best of @runs, in ms: the floor is what the code costs, the rest is noise. */
static double
best_of (guint    runs,
         Step     step,
         gpointer data)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!step (data))
        exit (1);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

typedef struct
{
  GFile *file;
  GFile *saved;
  CgSession *session;
  char *charter_pdf;
  char *report_pdf;
} Bench;

static gboolean
fail (GError *error)
{
  g_printerr ("bench-core: %s\n", error->message);
  g_error_free (error);
  return FALSE;
}

static gboolean
step_load (gpointer data)
{
  Bench *b = data;
  GError *error = NULL;

  g_clear_object (&b->session);
  b->session = cg_session_xml_load_file (b->file, NULL, &error);
  return b->session != NULL || fail (error);
}

static gboolean
step_save (gpointer data)
{
  Bench *b = data;
  GError *error = NULL;

  return cg_session_xml_save_file (b->session, b->saved, FALSE, NULL, &error) || fail (error);
}

/* Everything the Review stage and the report compute. */
static gboolean
step_analysis (gpointer data)
{
  Bench *b = data;
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;

  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      g_autoptr (CgLessonStats) lesson = cg_analysis_lesson (b->session, l);

      for (guint i = 0; i < cg_session_get_n_statements (b->session, l); i++)
        cg_item_stats_free (
          cg_analysis_item (b->session, cg_session_get_statement (b->session, l, i)->id));
    }
  for (guint i = 0; i < cg_session_get_n_aims (b->session); i++)
    cg_item_stats_free (cg_analysis_item (b->session, cg_session_get_aim (b->session, i)->id));
  for (guint i = 0; i < cg_session_get_n_tasks (b->session); i++)
    cg_task_stats_free (cg_analysis_task (b->session, cg_session_get_task (b->session, i)->id));
  for (guint i = 0; i < cg_session_get_n_partners (b->session); i++)
    cg_analysis_tasks_led (b->session, cg_session_get_partner (b->session, i)->id);
  cg_analysis_talk_first (b->session, 0, &items, &tasks);
  return TRUE;
}

static gboolean
step_charter (gpointer data)
{
  Bench *b = data;
  GError *error = NULL;

  return cg_charter_export_pdf (b->session, b->charter_pdf, CG_PAPER_A4, &error) || fail (error);
}

static gboolean
step_report (gpointer data)
{
  Bench *b = data;
  GError *error = NULL;

  return cg_report_export_pdf (b->session, b->report_pdf, CG_PAPER_A4, &error) || fail (error);
}

int
main (int    argc,
      char **argv)
{
  Bench b = { 0 };
  guint runs;

  if (argc != 3)
    {
      g_printerr ("Usage: bench-core FILE OUTDIR\n");
      return 2;
    }
  b.file = g_file_new_for_commandline_arg (argv[1]);
  b.saved = g_file_new_build_filename (argv[2], "saved.commonground", NULL);
  b.charter_pdf = g_build_filename (argv[2], "charter.pdf", NULL);
  b.report_pdf = g_build_filename (argv[2], "report.pdf", NULL);
  runs = g_getenv ("BENCH_RUNS") != NULL ? (guint) atoi (g_getenv ("BENCH_RUNS")) : 3;

  g_print ("load_ms %.2f\n", best_of (runs, step_load, &b));
  g_print ("save_ms %.2f\n", best_of (runs, step_save, &b));
  g_print ("analysis_ms %.2f\n", best_of (runs, step_analysis, &b));
  g_print ("core_rss_mib %.1f\n", peak_rss_mib ());
  g_print ("charter_ms %.2f\n", best_of (1, step_charter, &b));
  g_print ("report_ms %.2f\n", best_of (1, step_report, &b));
  g_print ("peak_rss_mib %.1f\n", peak_rss_mib ());

  g_clear_object (&b.session);
  g_object_unref (b.file);
  g_object_unref (b.saved);
  g_free (b.charter_pdf);
  g_free (b.report_pdf);
  return 0;
}
