/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Large sessions load in time linear in their size. Two checks were once
 * quadratic in the number of answers (a sibling scan in the loader, and
 * libxml2's RELAX NG interpreter on <answers>): 150 partners x 400 items,
 * 66,000 answers, took seven seconds with the schema alone and minutes
 * with the scan. Now it is a fraction of a second. The test asserts what
 * came back, not how fast: a quadratic regression runs into meson's test
 * timeout (30 s) instead, and tests/bench (build-aux/bench) measures the
 * speed itself without making the unit suite depend on a machine's load. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"

#define N_PARTNERS 150
#define N_STATEMENTS 400
#define N_TASKS 40

static CgSession *
make_large_session (void)
{
  CgSession *session = cg_session_new ();
  guint partners[N_PARTNERS], items[N_STATEMENTS], tasks[N_TASKS];

  cg_session_set_recording (session, FALSE);
  for (guint p = 0; p < N_PARTNERS; p++)
    partners[p] = cg_session_add_partner (session, "Partner", "Organisation", "Role");
  for (guint i = 0; i < N_STATEMENTS; i++)
    items[i] = cg_session_add_statement (session, i % CG_N_LESSONS, "A statement to rate.");
  for (guint t = 0; t < N_TASKS; t++)
    tasks[t] = cg_session_add_task (session, "A task to share out.");
  for (guint p = 0; p < N_PARTNERS; p++)
    {
      for (guint i = 0; i < N_STATEMENTS; i++)
        cg_session_set_rating (session, partners[p], items[i], (CgRating) (1 + (p + i) % 5));
      for (guint t = 0; t < N_TASKS; t++)
        cg_session_set_involvement (session, partners[p], tasks[t],
                                    (CgInvolvement) (1 + (p + t) % 5));
    }
  cg_session_set_recording (session, TRUE);
  return session;
}

static void
test_large_session_round_trips (void **state)
{
  g_autoptr (CgSession) session = make_large_session ();
  g_autoptr (CgSession) loaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start, elapsed;

  bytes = cg_session_xml_save_bytes (session, &error);
  assert_non_null (bytes);
  start = g_get_monotonic_time ();
  loaded = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "large.commonground", &error);
  elapsed = g_get_monotonic_time () - start;
  if (loaded == NULL)
    fail_msg ("%s", error->message);
  assert_true (cg_session_equal (session, loaded));
  /* The last partner's rating of the last statement came back. */
  assert_int_equal (cg_session_get_rating (loaded, cg_session_get_partner (loaded, 149)->id,
                                           cg_session_get_statement (loaded, 4, 79)->id),
                    1 + (149 + 399) % 5);
  print_message ("%" G_GSIZE_FORMAT " bytes loaded in %" G_GINT64_FORMAT " µs\n",
                 g_bytes_get_size (bytes), elapsed);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_large_session_round_trips),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
