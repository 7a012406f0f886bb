/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-recovery"
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cg-recovery.h"
#include "cg-session-private.h"
#include "cg-session-xml.h"

#define GROUP "Draft"

/* Writes and discards of drafts take turns: a write still running in a
 * worker must not bring back a draft that was just discarded. */
G_LOCK_DEFINE_STATIC (drafts);

void
cg_recovery_entry_free (CgRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->draft_path);
  g_free (entry->original_uri);
  g_free (entry->original_etag);
  g_free (entry->title);
  g_clear_pointer (&entry->saved_at, g_date_time_unref);
  g_free (entry);
}

CgRecoveryEntry *
cg_recovery_entry_copy (const CgRecoveryEntry *entry)
{
  CgRecoveryEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (CgRecoveryEntry, 1);
  copy->id = g_strdup (entry->id);
  copy->draft_path = g_strdup (entry->draft_path);
  copy->original_uri = g_strdup (entry->original_uri);
  copy->original_etag = g_strdup (entry->original_etag);
  copy->title = g_strdup (entry->title);
  copy->saved_at = entry->saved_at != NULL ? g_date_time_ref (entry->saved_at) : NULL;
  return copy;
}

char *
cg_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "common-ground", "recovery", NULL);
}

char *
cg_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static gboolean
id_is_safe (const char *id)
{
  /* Ids become file names: nothing that could climb out of the folder. */
  return id != NULL && id[0] != '\0' && strlen (id) < 64 &&
         strspn (id, "0123456789abcdefABCDEF-") == strlen (id);
}

static char *
path_for (const char *id,
          const char *suffix)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* A pid alone names a process only until it is reused, after a reboot or a
 * long day; with the boot id and the process's start time it names exactly
 * one. Either may be unknown (no /proc): then the pid alone decides. */
static char *
boot_id (void)
{
  char *id = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &id, NULL, NULL))
    return NULL;
  return g_strstrip (id);
}

static char *
process_start_time (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *line = NULL;
  g_auto (GStrv) fields = NULL;
  const char *end;

  /* "PID (COMM) STATE ...": COMM may hold spaces and parentheses, so the
   * fields are counted from the last ')'; the start time is field 22. */
  if (!g_file_get_contents (path, &line, NULL, NULL) || (end = strrchr (line, ')')) == NULL ||
      end[1] == '\0')
    return NULL;
  fields = g_strsplit (end + 2, " ", 0);
  return g_strv_length (fields) > 19 ? g_strdup (fields[19]) : NULL;
}

static char *
state_for (const char *id,
           CgSession  *session)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GFile *file = cg_session_get_file (session);
  g_autofree char *boot = boot_id ();
  g_autofree char *start = process_start_time (getpid ());

  g_key_file_set_string (kf, GROUP, "Title", cg_session_get_detail (session, CG_DETAIL_TITLE));
  g_key_file_set_int64 (kf, GROUP, "SavedAt", g_date_time_to_unix (now));
  g_key_file_set_int64 (kf, GROUP, "Pid", getpid ());
  if (boot != NULL)
    g_key_file_set_string (kf, GROUP, "Boot", boot);
  if (start != NULL)
    g_key_file_set_string (kf, GROUP, "Start", start);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (kf, GROUP, "Original", uri);
      /* So that Save after a restore still notices a file changed on disk. */
      if (cg_session_get_etag (session) != NULL)
        g_key_file_set_string (kf, GROUP, "OriginalEtag", cg_session_get_etag (session));
    }
  return g_key_file_to_data (kf, NULL, NULL);
}

static gboolean
make_dir (const char *dir,
          GError    **error)
{
  int saved;

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;
  saved = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
               g_strerror (saved));
  return FALSE;
}

static gboolean
write_files (const char   *id,
             GBytes       *draft,
             const char   *state,
             GCancellable *cancellable,
             GError      **error)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autofree char *draft_path = path_for (id, ".commonground");
  g_autofree char *state_path = path_for (id, ".draft");
  GFileSetContentsFlags flags = G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE;
  gsize len = 0;
  const char *data = g_bytes_get_data (draft, &len);
  gboolean ok;

  /* Cancelled before a discard took the lock: the draft stays discarded.
   * The draft goes first, so a state file never points at a missing one. */
  G_LOCK (drafts);
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) && make_dir (dir, error) &&
       g_file_set_contents_full (draft_path, data, (gssize) len, flags, 0600, error) &&
       g_file_set_contents_full (state_path, state, -1, flags, 0600, error);
  G_UNLOCK (drafts);
  return ok;
}

gboolean
cg_recovery_write (const char *id,
                   CgSession  *session,
                   GError    **error)
{
  g_autoptr (GBytes) draft = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (id_is_safe (id), FALSE);
  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);

  draft = cg_session_xml_save_bytes (session, error);
  if (draft == NULL)
    return FALSE;
  state = state_for (id, session);
  return write_files (id, draft, state, NULL, error);
}

typedef struct
{
  char *id;
  GBytes *draft;
  char *state;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->id);
  g_bytes_unref (job->draft);
  g_free (job->state);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  WriteJob *job = data;
  GError *error = NULL;

  if (write_files (job->id, job->draft, job->state, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cg_recovery_write_async (const char         *id,
                         CgSession          *session,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (id_is_safe (id));
  g_return_if_fail (CG_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_recovery_write_async);
  job = g_new0 (WriteJob, 1);
  job->id = g_strdup (id);
  /* Serialise here: the session belongs to the main thread. */
  job->draft = cg_session_xml_save_bytes (session, &error);
  job->state = state_for (id, session);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  if (job->draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, write_thread);
}

gboolean
cg_recovery_write_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cg_recovery_discard (const char *id)
{
  g_autofree char *draft_path = NULL;
  g_autofree char *state_path = NULL;

  g_return_if_fail (id_is_safe (id));
  draft_path = path_for (id, ".commonground");
  state_path = path_for (id, ".draft");
  /* The state file first: a draft without one is ignored, never offered. */
  G_LOCK (drafts);
  g_unlink (state_path);
  g_unlink (draft_path);
  G_UNLOCK (drafts);
}

/* Whether the process that wrote a draft may still be running (and so
 * still owns it). */
static gboolean
writer_alive (GKeyFile *kf)
{
  gint64 pid = g_key_file_get_int64 (kf, GROUP, "Pid", NULL);
  g_autofree char *boot = g_key_file_get_string (kf, GROUP, "Boot", NULL);
  g_autofree char *start = g_key_file_get_string (kf, GROUP, "Start", NULL);
  g_autofree char *boot_now = NULL;
  g_autofree char *start_now = NULL;

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  boot_now = boot_id ();
  if (boot != NULL && boot_now != NULL && strcmp (boot, boot_now) != 0)
    return FALSE;
  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;
  start_now = process_start_time (pid);
  return start == NULL || start_now == NULL || strcmp (start, start_now) == 0;
}

static CgRecoveryEntry *
read_entry (const char *dir,
            const char *name)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *id = g_strndup (name, strlen (name) - strlen (".draft"));
  CgRecoveryEntry *entry;

  if (!id_is_safe (id) || !g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL) ||
      writer_alive (kf))
    return NULL;
  entry = g_new0 (CgRecoveryEntry, 1);
  entry->draft_path = path_for (id, ".commonground");
  if (!g_file_test (entry->draft_path, G_FILE_TEST_IS_REGULAR))
    {
      cg_recovery_entry_free (entry);
      return NULL;
    }
  entry->id = g_steal_pointer (&id);
  entry->title = g_key_file_get_string (kf, GROUP, "Title", NULL);
  if (entry->title == NULL)
    entry->title = g_strdup ("");
  entry->original_uri = g_key_file_get_string (kf, GROUP, "Original", NULL);
  entry->original_etag = g_key_file_get_string (kf, GROUP, "OriginalEtag", NULL);
  entry->saved_at =
    g_date_time_new_from_unix_local (g_key_file_get_int64 (kf, GROUP, "SavedAt", NULL));
  return entry;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const CgRecoveryEntry *x = *(CgRecoveryEntry **) a;
  const CgRecoveryEntry *y = *(CgRecoveryEntry **) b;

  return g_date_time_compare (y->saved_at, x->saved_at);
}

GPtrArray *
cg_recovery_list (void)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_recovery_entry_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      CgRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".draft"))
        continue;
      entry = read_entry (dir, name);
      if (entry != NULL && entry->saved_at != NULL)
        g_ptr_array_add (entries, entry);
      else
        cg_recovery_entry_free (entry);
    }
  g_ptr_array_sort (entries, newest_first);
  return entries;
}

CgSession *
cg_recovery_load (const CgRecoveryEntry *entry,
                  GError               **error)
{
  g_autoptr (GFile) draft = NULL;
  g_autoptr (CgSession) session = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  draft = g_file_new_for_path (entry->draft_path);
  session = cg_session_xml_load_file (draft, NULL, error);
  if (session == NULL)
    return NULL;
  if (entry->original_uri != NULL)
    {
      g_autoptr (GFile) original = g_file_new_for_uri (entry->original_uri);

      cg_session_set_file (session, original);
    }
  else
    cg_session_set_file (session, NULL);
  /* The etag of the original when the draft was written: Save warns if the
   * file has changed on disk since (or was never read, with no etag). */
  cg_session_set_etag (session, entry->original_uri != NULL ? entry->original_etag : NULL);
  /* Recovered work is unsaved work until the facilitator saves it. */
  cg_session_mark_modified (session);
  return g_steal_pointer (&session);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CgSession *session = cg_recovery_load (data, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

void
cg_recovery_load_async (const CgRecoveryEntry *entry,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (entry != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_recovery_load_async);
  g_task_set_task_data (task, cg_recovery_entry_copy (entry),
                        (GDestroyNotify) cg_recovery_entry_free);
  g_task_run_in_thread (task, load_thread);
}

CgSession *
cg_recovery_load_finish (GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
