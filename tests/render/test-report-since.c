/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Since last time" in the results report and the charter: a second round
 * in which one statement moved {1,5,3,4} -> {4,4,5,4} and an overlap on a
 * task was settled. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cg-charter-content.h"
#include "cg-compare.h"
#include "cg-report-layout.h"
#include "cg-session-xml.h"

static const char *const names[] = { "Ana", "Ben", "Cai", "Dee" };

typedef struct
{
  CgSession *earlier, *round;
} Rounds;

static void
rounds_init (Rounds *r)
{
  const CgRating before[] = { 1, 5, 3, 4 }, after[] = { 4, 4, 5, 4 };
  g_autoptr (GBytes) bytes = NULL;
  guint p[4], item, task;

  r->earlier = cg_session_new ();
  cg_session_set_detail (r->earlier, CG_DETAIL_TITLE, "Riverside partnership");
  cg_session_set_detail (r->earlier, CG_DETAIL_DATE, "2025-11-20");
  item = cg_session_add_statement (r->earlier, 0, "We share a clear purpose.");
  task = cg_session_add_task (r->earlier, "Chair the weekly meeting");
  for (guint i = 0; i < 4; i++)
    {
      p[i] = cg_session_add_partner (r->earlier, names[i], "Org", "Role");
      cg_session_set_rating (r->earlier, p[i], item, before[i]);
    }
  cg_session_set_involvement (r->earlier, p[0], task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (r->earlier, p[1], task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (r->earlier, p[2], task, CG_INVOLVEMENT_RESPONSIBLE);
  bytes = cg_session_xml_save_bytes (r->earlier, NULL);
  r->round = cg_session_new_round (r->earlier, "riverside.commonground", bytes);
  cg_session_set_detail (r->round, CG_DETAIL_DATE, "2026-11-20");
  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (r->round, p[i], item, after[i]);
  cg_session_set_involvement (r->round, p[0], task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (r->round, p[1], task, CG_INVOLVEMENT_CONSULTED);
  cg_session_set_involvement (r->round, p[2], task, CG_INVOLVEMENT_RESPONSIBLE);
}

static void
rounds_clear (Rounds *r)
{
  g_object_unref (r->earlier);
  g_object_unref (r->round);
}

static void
test_charter_says_what_was_resolved (void **state)
{
  Rounds r;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  rounds_init (&r);
  without = cg_charter_generate_text (r.round, CG_CHARTER_STILL_TO_RESOLVE);
  assert_null (strstr (without, "Resolved since"));
  cg_compare_set_earlier (r.round, r.earlier, NULL);
  with = cg_charter_generate_text (r.round, CG_CHARTER_STILL_TO_RESOLVE);
  assert_non_null (
    strstr (with, "Resolved since 20 November 2025: Chair the weekly meeting (Overlap)."));
  cg_compare_set_earlier (r.round, NULL, NULL);
  assert_null (cg_compare_get_earlier (r.round));
  rounds_clear (&r);
}

static char *
pdf_text (CgSession *session)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-since-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;
  char *argv[] = { (char *) "pdftotext", pdf, (char *) "-", NULL };

  assert_true (cg_report_export_pdf (session, pdf, CG_PAPER_A4, &error));
  assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                             NULL, NULL, &out, NULL, &status, &error));
  if (g_getenv ("CG_KEEP_PDF") != NULL)
    g_printerr ("kept %s\n", pdf);
  else
    {
      g_unlink (pdf);
      g_rmdir (dir);
    }
  return out;
}

static void
test_report_has_since_page (void **state)
{
  Rounds r;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    skip ();
  rounds_init (&r);
  without = pdf_text (r.round);
  assert_null (strstr (without, "Since last time"));
  cg_compare_set_earlier (r.round, r.earlier, NULL);
  with = pdf_text (r.round);
  assert_non_null (strstr (with, "Since last time"));
  assert_non_null (strstr (with, "Since 20 November 2025"));
  assert_non_null (strstr (with, "at least 0.10 counts as movement"));
  /* 3.25 / 0.40 -> 4.25 / 0.86: +1.00, +0.46 (hand-worked in test-compare). */
  assert_non_null (strstr (with, "Moved"));
  assert_non_null (strstr (with, "+1.00"));
  assert_non_null (strstr (with, "+0.46"));
  assert_non_null (strstr (with, "Group, 20 November 2025"));
  assert_non_null (strstr (with, "Overlap"));
  rounds_clear (&r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_charter_says_what_was_resolved),
    cmocka_unit_test (test_report_has_since_page),
  };

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  return cmocka_run_group_tests (tests, NULL, NULL);
}
