/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recovery drafts: what is written comes back equal and unsaved; a discard
 * leaves nothing; a draft is only offered once the process that wrote it
 * is gone; a write that fails half-way leaves the previous draft whole; a
 * write cancelled before a discard never brings the draft back.
 *
 * XDG_DATA_HOME points at a private folder for the whole run (GLib reads it
 * once), and every test empties the recovery folder after itself. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cg-recovery.h"
#include "cg-session-private.h"

#define ID "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

static char *data_home;
/* A child that stands for a running app; killed by the teardown if a test
 * fails before it does, so the run never hangs on it. */
static pid_t live_child;

static void
empty_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
}

static int
teardown (void **state)
{
  g_autofree char *dir = cg_recovery_get_dir ();

  if (live_child > 0)
    {
      kill (live_child, SIGKILL);
      waitpid (live_child, NULL, 0);
      live_child = 0;
    }
  empty_dir (dir);
  return 0;
}

static guint
count_entries (void)
{
  g_autofree char *path = cg_recovery_get_dir ();
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
draft_file (const char *suffix)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autofree char *name = g_strconcat (ID, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static CgSession *
workshop (const char *title,
          guint       n_statements)
{
  CgSession *s = cg_session_new ();
  guint alex, sam;

  cg_session_set_detail (s, CG_DETAIL_TITLE, title);
  alex = cg_session_add_partner (s, "Alex", "Social Services", "Social worker");
  sam = cg_session_add_partner (s, "Sam", "School", "Head teacher");
  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *text = g_strdup_printf ("Statement %u: we share a purpose. %s", i,
                                               "R&D <tags> “quotes” \u05e9\u05dc\u05d5\u05dd");
      guint item = cg_session_add_statement (s, i % CG_N_LESSONS, text);

      cg_session_set_rating (s, alex, item, (CgRating) (i % 5 + 1));
      cg_session_set_rating (s, sam, item, CG_RATING_DONT_KNOW);
    }
  cg_session_set_comment (s, sam, 2, "Talk about the budget.");
  return s;
}

/* Rewrites one key of the draft's state file, as another process would
 * have written it. @value NULL removes the key. */
static void
set_state (const char *key,
           const char *value)
{
  g_autofree char *path = draft_file (".draft");
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  assert_true (g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL));
  if (value != NULL)
    g_key_file_set_string (kf, "Draft", key, value);
  else
    g_key_file_remove_key (kf, "Draft", key, NULL);
  assert_true (g_key_file_save_to_file (kf, path, NULL));
}

static char *
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  assert_true (pid > 0);
  assert_int_equal (waitpid (pid, NULL, 0), pid);
  return g_strdup_printf ("%d", (int) pid);
}

static guint
n_offered (void)
{
  g_autoptr (GPtrArray) entries = cg_recovery_list ();

  return entries->len;
}

static void
test_write_list_load (void **state)
{
  g_autoptr (CgSession) s = workshop ("Riverside partnership", 12);
  g_autoptr (GFile) original = g_file_new_for_path ("/nowhere/riverside.commonground");
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (CgSession) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) back_file = NULL;
  g_autofree char *pid = dead_pid ();
  g_autofree char *original_uri = g_file_get_uri (original);
  CgRecoveryEntry *entry;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  cg_session_set_file (s, original);
  cg_session_set_etag (s, "1700000000:123");
  assert_true (cg_recovery_write (ID, s, &error));
  assert_null (error);
  /* Ours, and we are running: not a crash's leftover. */
  assert_int_equal (n_offered (), 0);

  set_state ("Pid", pid);
  entries = cg_recovery_list ();
  assert_int_equal (entries->len, 1);
  entry = g_ptr_array_index (entries, 0);
  assert_string_equal (entry->id, ID);
  assert_string_equal (entry->title, "Riverside partnership");
  assert_string_equal (entry->original_uri, original_uri);
  assert_string_equal (entry->original_etag, "1700000000:123");
  assert_true (g_date_time_to_unix (entry->saved_at) >= now - 1);
  assert_true (g_date_time_to_unix (entry->saved_at) <= now + 5);

  back = cg_recovery_load (entry, &error);
  assert_null (error);
  assert_non_null (back);
  assert_true (cg_session_equal (s, back));
  /* Unsaved work, attached to its file, ready to be saved there. */
  assert_true (cg_session_get_modified (back));
  back_file = g_object_ref (cg_session_get_file (back));
  assert_true (g_file_equal (back_file, original));
  assert_string_equal (cg_session_get_etag (back), "1700000000:123");
}

static void
test_never_saved_session (void **state)
{
  g_autoptr (CgSession) s = workshop ("", 3);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (CgSession) back = NULL;
  g_autofree char *pid = dead_pid ();
  CgRecoveryEntry *entry;

  assert_true (cg_recovery_write (ID, s, NULL));
  set_state ("Pid", pid);
  entries = cg_recovery_list ();
  assert_int_equal (entries->len, 1);
  entry = g_ptr_array_index (entries, 0);
  assert_string_equal (entry->title, "");
  assert_null (entry->original_uri);
  back = cg_recovery_load (entry, NULL);
  assert_non_null (back);
  assert_true (cg_session_equal (s, back));
  assert_null (cg_session_get_file (back));
  assert_null (cg_session_get_etag (back));
  assert_true (cg_session_get_modified (back));
}

static void
test_discard (void **state)
{
  g_autoptr (CgSession) s = workshop ("Discarded", 3);
  g_autofree char *pid = dead_pid ();
  g_autofree char *draft = draft_file (".commonground");
  g_autofree char *key = draft_file (".draft");

  assert_true (cg_recovery_write (ID, s, NULL));
  set_state ("Pid", pid);
  assert_int_equal (n_offered (), 1);
  cg_recovery_discard (ID);
  assert_int_equal (n_offered (), 0);
  assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
  assert_int_equal (count_entries (), 0);
  /* Nothing to discard is not an error. */
  cg_recovery_discard (ID);
}

/* A draft is offered only when the process that wrote it is gone: a live
 * pid hides it, unless the boot or the start time says the pid was reused. */
static void
test_live_writer_skipped (void **state)
{
  g_autoptr (CgSession) s = workshop ("Still open elsewhere", 3);
  g_autofree char *pid = NULL;
  pid_t child = fork ();

  if (child == 0)
    {
      pause ();
      _exit (0);
    }
  assert_true (child > 0);
  live_child = child;
  pid = g_strdup_printf ("%d", (int) child);

  assert_true (cg_recovery_write (ID, s, NULL));
  set_state ("Pid", pid);
  set_state ("Start", NULL);
  assert_int_equal (n_offered (), 0);

  /* The same pid, but a process that started at another time. */
  set_state ("Start", "1");
  assert_int_equal (n_offered (), 1);
  set_state ("Start", NULL);
  /* The same pid in an earlier boot. */
  set_state ("Boot", "00000000-0000-0000-0000-000000000000");
  assert_int_equal (n_offered (), 1);
  set_state ("Boot", NULL);
  assert_int_equal (n_offered (), 0);

  kill (child, SIGKILL);
  assert_int_equal (waitpid (child, NULL, 0), child);
  live_child = 0;
  assert_int_equal (n_offered (), 1);
}

static void
test_newest_first_and_junk_ignored (void **state)
{
  g_autoptr (CgSession) s = workshop ("Older", 2);
  g_autoptr (CgSession) t = workshop ("Newer", 2);
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *pid = dead_pid ();
  g_autofree char *dir = cg_recovery_get_dir ();
  const char *other = "ffffffff-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  g_autofree char *other_key =
    g_build_filename (dir, "ffffffff-4e5f-4a6b-8c7d-9e0f1a2b3c4d.draft", NULL);
  g_autofree char *junk = g_build_filename (dir, "not an id.draft", NULL);
  g_autofree char *orphan = g_build_filename (dir, "abcdef.draft", NULL);
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  assert_true (cg_recovery_write (ID, s, NULL));
  set_state ("Pid", pid);
  set_state ("SavedAt", "1700000000");
  assert_true (cg_recovery_write (other, t, NULL));
  assert_true (g_key_file_load_from_file (kf, other_key, G_KEY_FILE_NONE, NULL));
  g_key_file_set_string (kf, "Draft", "Pid", pid);
  g_key_file_set_string (kf, "Draft", "SavedAt", "1700000600");
  assert_true (g_key_file_save_to_file (kf, other_key, NULL));
  /* A state file with a bad name, and one whose draft is missing. */
  assert_true (g_key_file_save_to_file (kf, junk, NULL));
  assert_true (g_key_file_save_to_file (kf, orphan, NULL));

  entries = cg_recovery_list ();
  assert_int_equal (entries->len, 2);
  assert_string_equal (((CgRecoveryEntry *) g_ptr_array_index (entries, 0))->title, "Newer");
  assert_string_equal (((CgRecoveryEntry *) g_ptr_array_index (entries, 1))->title, "Older");
  assert_int_equal (
    g_date_time_to_unix (((CgRecoveryEntry *) g_ptr_array_index (entries, 1))->saved_at),
    1700000000);
  cg_recovery_discard (other);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static int
write_with_small_file_limit (CgSession *big)
{
  struct rlimit limit = { 4096, 4096 };
  g_autoptr (GError) error = NULL;

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 10;
  if (cg_recovery_write (ID, big, &error))
    return 11;
  return error != NULL ? 0 : 12;
}

/* A later draft that cannot be written whole leaves the earlier one as it
 * was, with no temporary file beside it; drafts are private. */
static void
test_failed_write_keeps_previous_draft (void **state)
{
  g_autoptr (CgSession) small = workshop ("Small", 2);
  g_autoptr (CgSession) big = workshop ("Big", 400);
  g_autofree char *draft = draft_file (".commonground");
  g_autofree char *key = draft_file (".draft");
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autofree char *draft_before = NULL;
  g_autofree char *key_before = NULL;
  g_autofree char *draft_after = NULL;
  g_autofree char *key_after = NULL;
  GStatBuf st;
  int status;
  pid_t child;

  assert_true (cg_recovery_write (ID, small, NULL));
  draft_before = read_file (draft);
  key_before = read_file (key);
  assert_true (strlen (draft_before) < 4096);
  assert_int_equal (g_stat (draft, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0600);
  assert_int_equal (g_stat (key, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0600);
  assert_int_equal (g_stat (dir, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0700);

  child = fork ();
  if (child == 0)
    _exit (write_with_small_file_limit (big));
  assert_int_equal (waitpid (child, &status, 0), child);
  assert_true (WIFEXITED (status));
  assert_int_equal (WEXITSTATUS (status), 0);

  draft_after = read_file (draft);
  key_after = read_file (key);
  assert_string_equal (draft_after, draft_before);
  assert_string_equal (key_after, key_before);
  assert_int_equal (count_entries (), 2);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Wait;

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *w = user_data;

  w->ok = cg_recovery_write_finish (result, &w->error);
  w->done = TRUE;
}

static void
wait_done (Wait *w)
{
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async_write (void **state)
{
  g_autoptr (CgSession) s = workshop ("Written in a thread", 20);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (CgSession) back = NULL;
  g_autofree char *pid = dead_pid ();
  Wait w = { 0 };

  cg_recovery_write_async (ID, s, NULL, write_done, &w);
  /* Serialised already: edits from now on are not in this draft. */
  cg_session_set_detail (s, CG_DETAIL_TITLE, "Changed after");
  wait_done (&w);
  assert_null (w.error);
  assert_true (w.ok);

  set_state ("Pid", pid);
  entries = cg_recovery_list ();
  assert_int_equal (entries->len, 1);
  assert_string_equal (((CgRecoveryEntry *) g_ptr_array_index (entries, 0))->title,
                       "Written in a thread");
  back = cg_recovery_load (g_ptr_array_index (entries, 0), NULL);
  assert_string_equal (cg_session_get_detail (back, CG_DETAIL_TITLE), "Written in a thread");
  cg_session_set_detail (back, CG_DETAIL_TITLE, "Changed after");
  assert_true (cg_session_equal (s, back));
}

/* The autosave cancels and then discards; the write it had started must
 * not recreate the files afterwards. */
static void
test_cancelled_write_then_discard (void **state)
{
  g_autoptr (CgSession) s = workshop ("Closed cleanly", 50);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Wait w = { 0 };

  cg_recovery_write_async (ID, s, cancellable, write_done, &w);
  g_cancellable_cancel (cancellable);
  cg_recovery_discard (ID);
  wait_done (&w);
  assert_false (w.ok);
  assert_true (g_error_matches (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&w.error);
  assert_int_equal (count_entries (), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_teardown (test_write_list_load, teardown),
    cmocka_unit_test_teardown (test_never_saved_session, teardown),
    cmocka_unit_test_teardown (test_discard, teardown),
    cmocka_unit_test_teardown (test_live_writer_skipped, teardown),
    cmocka_unit_test_teardown (test_newest_first_and_junk_ignored, teardown),
    cmocka_unit_test_teardown (test_failed_write_keeps_previous_draft, teardown),
    cmocka_unit_test_teardown (test_async_write, teardown),
    cmocka_unit_test_teardown (test_cancelled_write_then_discard, teardown),
  };
  g_autofree char *recovery = NULL;
  g_autofree char *app_dir = NULL;
  int failed;

  data_home = g_dir_make_tmp ("cg-recovery-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  recovery = cg_recovery_get_dir ();
  g_assert (g_str_has_prefix (recovery, data_home));
  failed = cmocka_run_group_tests (tests, NULL, NULL);

  app_dir = g_path_get_dirname (recovery);
  g_rmdir (recovery);
  g_rmdir (app_dir);
  g_rmdir (data_home);
  g_free (data_home);
  return failed;
}
