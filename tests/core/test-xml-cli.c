/* SPDX-License-Identifier: GPL-3.0-or-later */
/* common-ground --check, run as a user would run it: the real executable,
 * its output and its exit status. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>

typedef struct
{
  char *out;
  char *err;
  int status;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs common-ground with @args (NULL-terminated) in the source tree's
 * tests/data folder, so that file names are short. */
static Run
run_check (const char *first,
           ...)
{
  g_autofree char *exe =
    g_build_filename (g_getenv ("CG_BUILD_ROOT"), "src", "common-ground", NULL);
  g_autofree char *data = g_build_filename (g_getenv ("CG_SOURCE_ROOT"), "tests", "data", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr (GError) error = NULL;
  Run run = { NULL, NULL, -1 };
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, exe);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (data, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run.out,
                     &run.err, &wait_status, &error))
    fail_msg ("%s", error->message);
  assert_true (WIFEXITED (wait_status));
  run.status = WEXITSTATUS (wait_status);
  return run;
}

static void
test_good_files_pass_silently (void **state)
{
  Run run = run_check ("--check", "good/full.commonground", "good/minimal.commonground", NULL);

  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, "");
  assert_string_equal (run.err, "");
  run_free (&run);
}

/* A file from a newer minor version is good (exit 0), with a note saying
 * what happens to the parts this version does not know. */
static void
test_newer_minor_gets_a_note (void **state)
{
  Run run =
    run_check ("--check", "good/minimal.commonground", "good/newer-minor.commonground", NULL);

  assert_int_equal (run.status, 0);
  assert_string_equal (run.out, "");
  assert_string_equal (
    run.err, "good/newer-minor.commonground: note: made by a newer version of Common Ground; "
             "the parts this version does not know are kept and written back when it is saved\n");
  run_free (&run);
}

static void
test_bad_file_reports_file_and_line (void **state)
{
  Run run = run_check ("--check", "bad/rating-7.commonground", NULL);

  assert_int_equal (run.status, 1);
  assert_string_equal (run.out, "");
  assert_string_equal (
    run.err,
    "bad/rating-7.commonground:52:5: rating 7 for partner p1 is out of range (1 to 5 or don’t know)\n");
  run_free (&run);
}

static void
test_every_file_is_checked (void **state)
{
  Run run = run_check ("--check", "bad/newer-major.commonground", "good/full.commonground",
                       "bad/xxe.commonground", NULL);

  /* One bad file fails the run; each bad file gets its line. */
  assert_int_equal (run.status, 1);
  assert_string_equal (
    run.err,
    "bad/newer-major.commonground:2:1: this file was made by a newer version of Common Ground "
    "(format 2.0); this version reads format 1.x\n"
    "bad/xxe.commonground:2:1: the file refers to a document type definition, which Common "
    "Ground files never do (it declares entities that read outside files)\n");
  run_free (&run);
}

static void
test_no_file_is_a_usage_error (void **state)
{
  Run run = run_check ("--check", NULL);

  assert_int_equal (run.status, 2);
  assert_non_null (strstr (run.err, "--check FILE"));
  run_free (&run);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_good_files_pass_silently),
    cmocka_unit_test (test_newer_minor_gets_a_note),
    cmocka_unit_test (test_bad_file_reports_file_and_line),
    cmocka_unit_test (test_every_file_is_checked),
    cmocka_unit_test (test_no_file_is_a_usage_error),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
