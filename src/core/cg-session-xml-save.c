/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml-save.c: replacing a session file without ever losing it.
 *
 * g_file_replace() truncates in place when the target is a symlink, has
 * hard links or sits in a read-only folder, and g_file_replace_contents()
 * renames a partial temp file over the original on a write error. So for
 * local files we do what GtkSourceFileSaver's note asks for by hand: a temp
 * file beside the real target, written in full, fsynced, closed and only
 * then renamed over it. Until the rename the old file is untouched; after
 * it the new file is complete. A symlink keeps pointing at the new file; a
 * hard link elsewhere keeps the old bytes.
 */
#define G_LOG_DOMAIN "cg-session-xml"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cg-session-private.h"
#include "cg-session-xml-private.h"

#define WRITE_CHUNK (1024 * 1024)

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path,
                 const char *what)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (
    error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
    /* Translators: "Could not save “x.commonground” (writing): No space left on device" */
    _("Could not save “%s” (%s): %s"), name, what, g_strerror (saved_errno));
  return FALSE;
}

/* The file the bytes should end up in: a symlink's final target. */
static char *
resolve_target (const char *path,
                GError    **error)
{
  char *real = realpath (path, NULL);
  GStatBuf st;

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  if (errno == ENOENT && g_lstat (path, &st) != 0)
    return g_strdup (path); /* a new file */
  /* Includes a link to nowhere: refuse rather than guess. */
  set_errno_error (error, errno, path, _("finding the file"));
  return NULL;
}

static gboolean
check_etag_matches (const char *path,
                    const char *expected,
                    GError    **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;

  info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE; /* gone since: nothing to overwrite */
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (expected == NULL || g_strcmp0 (expected, g_file_info_get_etag (info)) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("The file has been changed by another program since it was opened or saved"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int           fd,
           GBytes       *bytes,
           const char   *path,
           GCancellable *cancellable,
           GError      **error)
{
  gsize left = 0;
  const guint8 *p = g_bytes_get_data (bytes, &left);

  while (left > 0)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = write (fd, p, MIN (left, WRITE_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno, path, _("writing"));
      if (n == 0)
        return set_errno_error (error, EIO, path, _("writing"));
      p += n;
      left -= (gsize) n;
    }
  return TRUE;
}

static int
open_temp (const char *target,
           char      **temp_path)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  GStatBuf st;
  int fd;

  *temp_path = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (*temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  /* Keep the old file's mode and owner; a new file is the user's alone. */
  if (g_stat (target, &st) == 0)
    {
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));
      fchmod (fd, st.st_mode & 07777);
    }
  else
    fchmod (fd, 0600);
  return fd;
}

static void
sync_folder (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
write_local (const char   *path,
             GBytes       *bytes,
             GCancellable *cancellable,
             GError      **error)
{
  g_autofree char *temp = NULL;
  int fd = open_temp (path, &temp);
  gboolean ok;

  if (fd < 0)
    return set_errno_error (error, errno, path, _("creating a temporary file beside it"));
  ok = write_all (fd, bytes, path, cancellable, error);
  if (ok && fsync (fd) != 0)
    ok = set_errno_error (error, errno, path, _("writing"));
  if (close (fd) != 0 && ok)
    ok = set_errno_error (error, errno, path, _("writing"));
  if (ok && g_rename (temp, path) != 0)
    ok = set_errno_error (error, errno, path, _("replacing the old file"));
  if (!ok)
    {
      /* The old file was never touched; nothing partial stays behind. */
      g_unlink (temp);
      return FALSE;
    }
  sync_folder (path);
  return TRUE;
}

/* For files GIO reaches over the network (no local path). */
static gboolean
write_gio (GFile        *file,
           GBytes       *bytes,
           gboolean      check_etag,
           const char   *expected,
           char        **new_etag,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  gboolean existed = g_file_query_exists (file, cancellable);

  if (check_etag && existed && expected == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("The file has been changed by another program since it was opened or saved"));
      return FALSE;
    }
  stream =
    g_file_replace (file, check_etag ? expected : NULL, FALSE,
                    existed ? G_FILE_CREATE_NONE : G_FILE_CREATE_PRIVATE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), NULL, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      *new_etag = g_strdup (g_file_output_stream_get_etag (stream));
      return TRUE;
    }
  /* Closing with a cancelled cancellable stops the rename over the original. */
  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

gboolean
cg_xml_write_file (GFile        *file,
                   GBytes       *bytes,
                   gboolean      check_etag,
                   const char   *expected_etag,
                   char        **new_etag,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autoptr (GFile) target_file = NULL;
  g_autoptr (GFileInfo) info = NULL;

  *new_etag = NULL;
  if (path == NULL)
    return write_gio (file, bytes, check_etag, expected_etag, new_etag, cancellable, error);
  if ((target = resolve_target (path, error)) == NULL ||
      (check_etag && !check_etag_matches (target, expected_etag, error)) ||
      !write_local (target, bytes, cancellable, error))
    return FALSE;
  target_file = g_file_new_for_path (target);
  info = g_file_query_info (target_file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  *new_etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
  return TRUE;
}

/* Public ------------------------------------------------------------------------ */

gboolean
cg_session_xml_save_file (CgSession    *session,
                          GFile        *file,
                          gboolean      check_etag,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cg_session_xml_save_bytes (session, error);
  if (bytes == NULL || !cg_xml_write_file (file, bytes, check_etag, cg_session_get_etag (session),
                                           &etag, cancellable, error))
    return FALSE;
  cg_session_set_file (session, file);
  cg_session_set_etag (session, etag);
  cg_session_set_unmodified (session);
  return TRUE;
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
  gboolean check_etag;
  char *expected_etag;
  char *new_etag;
  gulong changed_id;
  gboolean changed; /* edited while writing: what was written is older */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected_etag);
  g_free (data->new_etag);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (cg_xml_write_file (data->file, data->bytes, data->check_etag, data->expected_etag,
                         &data->new_etag, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_changed_while_saving (CgSession   *session,
                         CgChangeKind kind,
                         guint        a,
                         guint        b,
                         SaveData    *data)
{
  data->changed = TRUE;
}

/* Back on the main thread: the session is ours to touch again. */
static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) outer = user_data;
  CgSession *session = CG_SESSION (source);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_signal_handler_disconnect (session, data->changed_id);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  cg_session_set_file (session, data->file);
  cg_session_set_etag (session, data->new_etag);
  if (!data->changed)
    cg_session_set_unmodified (session);
  g_task_return_boolean (outer, TRUE);
}

void
cg_session_xml_save_file_async (CgSession          *session,
                                GFile              *file,
                                gboolean            check_etag,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) outer = NULL;
  g_autoptr (GTask) inner = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (CG_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cg_session_xml_save_file_async);
  data = g_new0 (SaveData, 1);
  /* The session is not thread-safe: serialise here, write in the thread. */
  data->bytes = cg_session_xml_save_bytes (session, &error);
  if (data->bytes == NULL)
    {
      save_data_free (data);
      g_task_return_error (outer, error);
      return;
    }
  data->file = g_object_ref (file);
  data->check_etag = check_etag;
  data->expected_etag = g_strdup (cg_session_get_etag (session));
  data->changed_id =
    g_signal_connect (session, "changed", G_CALLBACK (on_changed_while_saving), data);
  inner = g_task_new (session, cancellable, save_done, g_steal_pointer (&outer));
  g_task_set_task_data (inner, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
cg_session_xml_save_file_finish (CgSession    *session,
                                 GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
