/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving never loses the user's file: a failed save leaves the old bytes
 * exactly, links are never truncated in place, a file changed on disk is
 * not overwritten unasked, and a save killed half-way leaves either the old
 * or the new file, never a mix.
 *
 * Tests run as root in CI, where permissions do not stop anything: the
 * permission test drops to "nobody" in a forked child, and the disk-full
 * test uses RLIMIT_FSIZE in a forked child. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"

#define NOBODY 65534

typedef struct
{
  char *dir;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->dir = g_dir_make_tmp ("cg-xml-save-XXXXXX", NULL);
  assert_non_null (f->dir);
  /* Traversable by "nobody" for the permission test; still not writable. */
  assert_int_equal (g_chmod (f->dir, 0755), 0);
  *state = f;
  return 0;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (child, 0755);
          remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

static char *
path_in (void      **state,
         const char *name)
{
  Fixture *f = *state;

  return g_build_filename (f->dir, name, NULL);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static CgSession *
small_session (const char *title)
{
  CgSession *s = cg_session_new ();
  guint p;

  cg_session_set_detail (s, CG_DETAIL_TITLE, title);
  p = cg_session_add_partner (s, "Alex", "Social Services", "Social worker");
  cg_session_set_rating (s, p, cg_session_add_statement (s, 0, "We share a purpose."), CG_RATING_4);
  return s;
}

/* A few megabytes, so that a kill often lands in the middle of writing. */
static CgSession *
big_session (void)
{
  CgSession *s = small_session ("Big");
  g_autofree char *long_text = g_strnfill (4000, 'x');

  cg_session_set_recording (s, FALSE);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < 30; i++)
      cg_session_add_statement (s, l, long_text);
  for (guint i = 0; i < 40; i++)
    {
      guint p = cg_session_add_partner (s, long_text, "Org", "Role");

      for (guint l = 0; l < CG_N_LESSONS; l++)
        cg_session_set_comment (s, p, l, long_text);
    }
  cg_session_set_recording (s, TRUE);
  return s;
}

static GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (data, length);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr (GBytes) now = file_bytes (path);

  assert_non_null (now);
  assert_true (g_bytes_equal (now, expected));
}

static void
save_ok (CgSession  *s,
         const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  if (!cg_session_xml_save_file (s, file, FALSE, NULL, &error))
    fail_msg ("%s", error->message);
}

/* New files and their modes -------------------------------------------------- */

static void
test_new_file_is_private (void **state)
{
  g_autofree char *path = path_in (state, "new.commonground");
  g_autoptr (CgSession) s = small_session ("New");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) expected = cg_session_xml_save_bytes (s, NULL);
  g_autoptr (CgSession) loaded = NULL;
  GStatBuf st;

  assert_true (cg_session_get_modified (s));
  save_ok (s, path);
  assert_int_equal (g_stat (path, &st), 0);
  assert_int_equal (st.st_mode & 07777, 0600);
  assert_file_is (path, expected);
  assert_false (cg_session_get_modified (s));
  assert_true (g_file_equal (cg_session_get_file (s), file));
  assert_non_null (cg_session_get_etag (s));
  /* Only the file itself: no temp file left beside it. */
  assert_int_equal (count_entries (((Fixture *) *state)->dir), 1);
  loaded = cg_session_xml_load_file (file, NULL, NULL);
  assert_non_null (loaded);
  assert_true (cg_session_equal (s, loaded));
  assert_string_equal (cg_session_get_etag (loaded), cg_session_get_etag (s));
}

static void
test_existing_mode_kept (void **state)
{
  g_autofree char *path = path_in (state, "shared.commonground");
  g_autoptr (CgSession) s = small_session ("Shared");
  GStatBuf st;

  assert_true (g_file_set_contents (path, "old", -1, NULL));
  assert_int_equal (g_chmod (path, 0644), 0);
  save_ok (s, path);
  assert_int_equal (g_stat (path, &st), 0);
  assert_int_equal (st.st_mode & 07777, 0644);
}

/* Links ------------------------------------------------------------------------ */

static void
test_symlink_target_replaced_not_truncated (void **state)
{
  g_autofree char *real = path_in (state, "real.commonground");
  g_autofree char *link = path_in (state, "link.commonground");
  g_autoptr (CgSession) s = small_session ("Through a link");
  g_autoptr (GBytes) expected = cg_session_xml_save_bytes (s, NULL);
  char old[16] = { 0 };
  GStatBuf before, after;
  int old_fd;

  assert_true (g_file_set_contents (real, "old bytes", -1, NULL));
  assert_int_equal (symlink ("real.commonground", link), 0);
  assert_int_equal (g_stat (real, &before), 0);
  old_fd = g_open (real, O_RDONLY, 0);
  save_ok (s, link);
  /* The link still links, to the new content... */
  assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_is (real, expected);
  assert_file_is (link, expected);
  /* ...in a new file: the old one was never truncated or rewritten. */
  assert_int_equal (g_stat (real, &after), 0);
  assert_true (after.st_ino != before.st_ino);
  assert_int_equal (read (old_fd, old, sizeof old - 1), 9);
  assert_string_equal (old, "old bytes");
  close (old_fd);
  assert_int_equal (count_entries (((Fixture *) *state)->dir), 2);
}

static void
test_hard_link_not_truncated (void **state)
{
  g_autofree char *path = path_in (state, "one.commonground");
  g_autofree char *other = path_in (state, "other-name.commonground");
  g_autoptr (CgSession) s = small_session ("Hard link");
  g_autoptr (GBytes) expected = cg_session_xml_save_bytes (s, NULL);
  g_autoptr (GBytes) old = g_bytes_new_static ("old bytes", 9);

  assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  assert_int_equal (link (path, other), 0);
  save_ok (s, path);
  assert_file_is (path, expected);
  /* Written in place, the other name would show the new bytes too. */
  assert_file_is (other, old);
}

/* Failures ----------------------------------------------------------------------- */

typedef int (*ChildFunc) (gpointer data);

/* Runs @func in a forked child and returns its exit status (-1 if it did
 * not exit normally). The child reports with its exit code only. */
static int
run_in_child (ChildFunc func,
              gpointer  data)
{
  pid_t pid = fork ();
  int status = 0;

  assert_true (pid >= 0);
  if (pid == 0)
    _exit (func (data));
  assert_int_equal (waitpid (pid, &status, 0), pid);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

typedef struct
{
  CgSession *session;
  const char *path;
  GQuark domain;
  int code;
} FailingSave;

/* 0 = failed as expected, kept modified; 1-3 = something else. */
static int
expect_save_failure (FailingSave *f)
{
  g_autoptr (GFile) file = g_file_new_for_path (f->path);
  g_autoptr (GError) error = NULL;

  if (cg_session_xml_save_file (f->session, file, FALSE, NULL, &error))
    return 1;
  if (!g_error_matches (error, f->domain, f->code))
    {
      g_printerr ("unexpected error: %s\n", error->message);
      return 2;
    }
  if (!cg_session_get_modified (f->session))
    return 3;
  g_printerr ("refused as expected: %s\n", error->message);
  return 0;
}

static int
save_as_nobody (gpointer data)
{
  if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    return 10;
  return expect_save_failure (data);
}

static void
test_read_only_folder (void **state)
{
  g_autofree char *folder = path_in (state, "read-only");
  g_autofree char *path = g_build_filename (folder, "session.commonground", NULL);
  g_autoptr (CgSession) s = small_session ("Read-only");
  g_autoptr (GBytes) old = g_bytes_new_static ("old bytes", 9);
  FailingSave f = { s, path, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED };

  assert_int_equal (g_mkdir (folder, 0755), 0);
  assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  /* The file itself is writable by everyone: only the folder is not.
   * GIO would fall back to truncating it in place here. */
  assert_int_equal (g_chmod (path, 0666), 0);
  assert_int_equal (g_chmod (folder, 0555), 0);
  assert_int_equal (run_in_child (save_as_nobody, &f), 0);
  assert_file_is (path, old);
  assert_int_equal (count_entries (folder), 1);
  assert_true (cg_session_get_modified (s));
}

static int
save_with_small_file_limit (gpointer data)
{
  struct rlimit limit = { 4096, 4096 };

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 10;
  return expect_save_failure (data);
}

static void
test_disk_full_keeps_old_file (void **state)
{
  g_autofree char *path = path_in (state, "full.commonground");
  g_autoptr (CgSession) old_session = small_session ("Old");
  g_autoptr (CgSession) s = big_session ();
  g_autoptr (GBytes) old = NULL;
  FailingSave f = { s, path, G_IO_ERROR, G_IO_ERROR_FAILED };

  save_ok (old_session, path);
  old = file_bytes (path);
  assert_true (g_bytes_get_size (old) < 4096);
  /* EFBIG is what a full disk looks like to us: a write fails half-way. */
  f.code = g_io_error_from_errno (EFBIG);
  assert_int_equal (run_in_child (save_with_small_file_limit, &f), 0);
  assert_file_is (path, old);
  assert_int_equal (count_entries (((Fixture *) *state)->dir), 1);
}

static void
test_failed_first_save_leaves_nothing (void **state)
{
  g_autofree char *path = path_in (state, "first.commonground");
  g_autoptr (CgSession) s = big_session ();
  FailingSave f = { s, path, G_IO_ERROR, 0 };

  f.code = g_io_error_from_errno (EFBIG);
  assert_int_equal (run_in_child (save_with_small_file_limit, &f), 0);
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_int_equal (count_entries (((Fixture *) *state)->dir), 0);
}

static void
test_cancelled_save_keeps_old_file (void **state)
{
  g_autofree char *path = path_in (state, "cancel.commonground");
  g_autoptr (CgSession) s = small_session ("Cancelled");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) old = g_bytes_new_static ("old bytes", 9);
  g_autoptr (GError) error = NULL;

  assert_true (g_file_set_contents (path, "old bytes", -1, NULL));
  g_cancellable_cancel (cancellable);
  assert_false (cg_session_xml_save_file (s, file, FALSE, cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_file_is (path, old);
  assert_int_equal (count_entries (((Fixture *) *state)->dir), 1);
  assert_true (cg_session_get_modified (s));
}

/* Changed on disk ------------------------------------------------------------------ */

static void
change_on_disk (const char *path,
                const char *text)
{
  struct timeval times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  assert_true (g_file_set_contents (path, text, -1, NULL));
  /* A time no save of ours can have: the etag surely differs. */
  assert_int_equal (utimes (path, times), 0);
}

static void
test_changed_on_disk_is_not_overwritten (void **state)
{
  g_autofree char *path = path_in (state, "etag.commonground");
  g_autoptr (CgSession) s = small_session ("Etag");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) theirs = g_bytes_new_static ("their bytes", 11);
  g_autoptr (GError) error = NULL;

  save_ok (s, path);
  /* Unchanged on disk: saving again with the check is fine, twice. */
  cg_session_set_detail (s, CG_DETAIL_FACILITATOR, "Sam");
  assert_true (cg_session_xml_save_file (s, file, TRUE, NULL, &error));
  cg_session_set_detail (s, CG_DETAIL_FACILITATOR, "Sam Okafor");
  assert_true (cg_session_xml_save_file (s, file, TRUE, NULL, &error));

  change_on_disk (path, "their bytes");
  cg_session_set_detail (s, CG_DETAIL_FACILITATOR, "Someone else");
  assert_false (cg_session_xml_save_file (s, file, TRUE, NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG));
  assert_file_is (path, theirs);
  assert_true (cg_session_get_modified (s));
  /* The facilitator said "overwrite". */
  assert_true (cg_session_xml_save_file (s, file, FALSE, NULL, NULL));
  assert_false (cg_session_get_modified (s));
}

static void
test_never_loaded_session_does_not_overwrite (void **state)
{
  g_autofree char *path = path_in (state, "someone-elses.commonground");
  g_autoptr (CgSession) s = small_session ("Mine");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  assert_true (g_file_set_contents (path, "their bytes", -1, NULL));
  assert_false (cg_session_xml_save_file (s, file, TRUE, NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG));
}

/* Killed while saving ------------------------------------------------------------ */

typedef struct
{
  CgSession *a;
  CgSession *b;
  const char *path;
} SaveLoop;

static int
save_forever (gpointer data)
{
  SaveLoop *loop = data;
  g_autoptr (GFile) file = g_file_new_for_path (loop->path);

  for (guint i = 0;; i++)
    if (!cg_session_xml_save_file (i % 2 ? loop->a : loop->b, file, FALSE, NULL, NULL))
      return 1;
  return 0;
}

static void
test_sigkill_during_save (void **state)
{
  g_autofree char *path = path_in (state, "killed.commonground");
  g_autoptr (CgSession) a = small_session ("Old");
  g_autoptr (CgSession) b = big_session ();
  g_autoptr (GBytes) a_bytes = cg_session_xml_save_bytes (a, NULL);
  g_autoptr (GBytes) b_bytes = cg_session_xml_save_bytes (b, NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  SaveLoop loop = { a, b, path };
  guint saw_a = 0, saw_b = 0;

  print_message ("big session: %zu bytes\n", g_bytes_get_size (b_bytes));
  save_ok (a, path);
  for (guint round = 0; round < 20; round++)
    {
      pid_t pid = fork ();
      g_autoptr (GBytes) now = NULL;
      int status;

      assert_true (pid >= 0);
      if (pid == 0)
        _exit (save_forever (&loop));
      g_usleep (g_rand_int_range (rand, 5000, 60000));
      kill (pid, SIGKILL);
      assert_int_equal (waitpid (pid, &status, 0), pid);
      assert_true (WIFSIGNALED (status));
      now = file_bytes (path);
      assert_non_null (now);
      if (g_bytes_equal (now, a_bytes))
        saw_a++;
      else if (g_bytes_equal (now, b_bytes))
        saw_b++;
      else
        fail_msg ("round %u: the file is neither the old nor the new session (%zu bytes)", round,
                  g_bytes_get_size (now));
    }
  print_message ("after 20 kills: old %u times, new %u times\n", saw_a, saw_b);
  /* Still a session we can open. */
  {
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (CgSession) loaded = cg_session_xml_load_file (file, NULL, NULL);

    assert_non_null (loaded);
  }
}

/* Async -------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  CgSession *loaded;
  GError *error;
} AsyncResult;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = cg_session_xml_save_file_finish (CG_SESSION (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->loaded = cg_session_xml_load_file_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_async_save_and_load (void **state)
{
  g_autofree char *path = path_in (state, "async.commonground");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CgSession) s = small_session ("Async");
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GBytes) expected = cg_session_xml_save_bytes (s, NULL);
  AsyncResult r = { loop, FALSE, NULL, NULL };

  cg_session_xml_save_file_async (s, file, FALSE, NULL, saved_cb, &r);
  g_main_loop_run (loop);
  assert_null (r.error);
  assert_true (r.ok);
  assert_false (cg_session_get_modified (s));
  assert_non_null (cg_session_get_etag (s));
  assert_file_is (path, expected);

  cg_session_xml_load_file_async (file, NULL, loaded_cb, &r);
  g_main_loop_run (loop);
  assert_non_null (r.loaded);
  assert_true (cg_session_equal (s, r.loaded));
  assert_true (g_file_equal (cg_session_get_file (r.loaded), file));
  g_clear_object (&r.loaded);

  /* An edit made while the thread writes is not in the file: the session
   * must stay modified. */
  cg_session_set_detail (s, CG_DETAIL_TITLE, "Before");
  g_clear_pointer (&expected, g_bytes_unref);
  expected = cg_session_xml_save_bytes (s, NULL);
  cg_session_xml_save_file_async (s, file, TRUE, NULL, saved_cb, &r);
  cg_session_set_detail (s, CG_DETAIL_TITLE, "During");
  g_main_loop_run (loop);
  assert_true (r.ok);
  assert_file_is (path, expected);
  assert_true (cg_session_get_modified (s));

  /* And a failure comes back through finish. */
  change_on_disk (path, "their bytes");
  cg_session_xml_save_file_async (s, file, TRUE, NULL, saved_cb, &r);
  g_main_loop_run (loop);
  assert_false (r.ok);
  assert_true (g_error_matches (r.error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG));
  g_clear_error (&r.error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_new_file_is_private, setup, teardown),
    cmocka_unit_test_setup_teardown (test_existing_mode_kept, setup, teardown),
    cmocka_unit_test_setup_teardown (test_symlink_target_replaced_not_truncated, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hard_link_not_truncated, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_only_folder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_disk_full_keeps_old_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_failed_first_save_leaves_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cancelled_save_keeps_old_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_on_disk_is_not_overwritten, setup, teardown),
    cmocka_unit_test_setup_teardown (test_never_loaded_session_does_not_overwrite, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sigkill_during_save, setup, teardown),
    /* Last: it starts GIO's thread pool, and the tests above fork. */
    cmocka_unit_test_setup_teardown (test_async_save_and_load, setup, teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
