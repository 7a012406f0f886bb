/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exercise countdown, driven by a mocked clock. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cg-timer.h"

static gint64 now_us;

static gint64
mock_clock (gpointer data)
{
  return now_us;
}

static void
advance (double seconds)
{
  now_us += (gint64) (seconds * G_USEC_PER_SEC);
}

static void
count_notify (GObject    *obj,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static CgTimer *
timer_new_mocked (guint seconds)
{
  CgTimer *t = cg_timer_new ();

  now_us = 1000 * G_USEC_PER_SEC;
  cg_timer_set_clock (t, mock_clock, NULL);
  cg_timer_set_duration (t, seconds);
  return t;
}

static void
test_counts_down_and_says_time (void **state)
{
  g_autoptr (CgTimer) t = timer_new_mocked (120);
  guint finished = 0;

  g_signal_connect (t, "notify::state", G_CALLBACK (count_notify), &finished);
  assert_int_equal (cg_timer_get_remaining (t), 120);
  cg_timer_start (t);
  advance (30.2);
  cg_timer_update (t);
  /* 89.8 s left shows as 90 (rounded up). */
  assert_int_equal (cg_timer_get_remaining (t), 90);
  advance (89.7);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_remaining (t), 1);
  assert_int_equal (cg_timer_get_state (t), CG_TIMER_RUNNING);
  advance (0.2);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_remaining (t), 0);
  assert_int_equal (cg_timer_get_state (t), CG_TIMER_FINISHED);
  g_autofree char *label = cg_timer_format (cg_timer_get_remaining (t));
  assert_string_equal (label, "Time");
  /* Later ticks leave it at zero. */
  advance (10);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_remaining (t), 0);
  assert_true (finished >= 2); /* running, then finished */
}

static void
test_pause_keeps_time (void **state)
{
  g_autoptr (CgTimer) t = timer_new_mocked (300);

  cg_timer_start (t);
  advance (100);
  cg_timer_pause (t);
  assert_int_equal (cg_timer_get_state (t), CG_TIMER_PAUSED);
  advance (1000);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_remaining (t), 200);
  cg_timer_start (t);
  advance (50);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_remaining (t), 150);
  cg_timer_reset (t);
  assert_int_equal (cg_timer_get_state (t), CG_TIMER_STOPPED);
  assert_int_equal (cg_timer_get_remaining (t), 300);
}

static void
test_missed_ticks_do_not_drift (void **state)
{
  g_autoptr (CgTimer) t = timer_new_mocked (60);
  guint notified = 0;

  g_signal_connect (t, "notify::remaining", G_CALLBACK (count_notify), &notified);
  cg_timer_start (t);
  /* No update for 45 s (a busy main loop): one update catches up exactly. */
  advance (45);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_remaining (t), 15);
  assert_int_equal (notified, 1);
  /* Updates within the same second notify nothing. */
  advance (0.1);
  cg_timer_update (t);
  assert_int_equal (notified, 1);
}

static void
test_restart_after_finish_and_new_duration (void **state)
{
  g_autoptr (CgTimer) t = timer_new_mocked (5);

  cg_timer_start (t);
  advance (6);
  cg_timer_update (t);
  assert_int_equal (cg_timer_get_state (t), CG_TIMER_FINISHED);
  cg_timer_start (t);
  assert_int_equal (cg_timer_get_remaining (t), 5);
  cg_timer_set_duration (t, 600);
  assert_int_equal (cg_timer_get_state (t), CG_TIMER_STOPPED);
  assert_int_equal (cg_timer_get_remaining (t), 600);
}

static void
test_format (void **state)
{
  g_autofree char *a = cg_timer_format (245);
  g_autofree char *b = cg_timer_format (720);
  g_autofree char *c = cg_timer_format (3723);
  g_autofree char *d = cg_timer_format (9);

  assert_string_equal (a, "4:05");
  assert_string_equal (b, "12:00");
  assert_string_equal (c, "1:02:03");
  assert_string_equal (d, "0:09");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_counts_down_and_says_time),
    cmocka_unit_test (test_pause_keeps_time),
    cmocka_unit_test (test_missed_ticks_do_not_drift),
    cmocka_unit_test (test_restart_after_finish_and_new_duration),
    cmocka_unit_test (test_format),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
