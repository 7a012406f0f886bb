/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml-file.c: loading session files from disk.
 *
 * We read the bytes ourselves, with a cap, and hand libxml2 memory, never
 * a file name: given a name it would gunzip a bomb, or block on a FIFO.
 * Saving is in cg-session-xml-save.c.
 */
#define G_LOG_DOMAIN "cg-session-xml"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-session-private.h"
#include "cg-session-xml-private.h"

#define READ_CHUNK (64 * 1024)

/* Loading ------------------------------------------------------------------------ */

static gboolean
check_file_type (GFile        *file,
                 const char   *name,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1, _("the file does not exist"));
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1,
                      _("you do not have permission to open this file"));
  else if (info == NULL)
    cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1, "%s", local->message);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1,
                        _("this is a folder, not a Common Ground session file"));
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1,
                        _("this is not a regular file, so it cannot be a Common Ground session"));
      return FALSE;
    }
  if (g_file_info_get_size (info) > CG_SESSION_XML_MAX_SIZE)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_TOO_BIG, name, 1,
                        _("the file is larger than %d MB, too large for a Common Ground session"),
                        CG_SESSION_XML_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

/* Reads at most CG_SESSION_XML_MAX_SIZE + 1 bytes: one more tells that the
 * file grew past the cap since it was measured. */
static GBytes *
read_capped (GFile        *file,
             const char   *name,
             char        **etag,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  gsize got = 0;

  stream = g_file_read (file, cancellable, &local);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  do
    {
      if (stream == NULL)
        break;
      g_byte_array_set_size (buffer, buffer->len + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream),
                                    buffer->data + buffer->len - READ_CHUNK, READ_CHUNK, &got,
                                    cancellable, &local))
        break;
      g_byte_array_set_size (buffer, buffer->len - READ_CHUNK + got);
    }
  while (got == READ_CHUNK && buffer->len <= CG_SESSION_XML_MAX_SIZE);
  if (local != NULL)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1, "%s", local->message);
      return NULL;
    }
  *etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

CgSession *
cg_session_xml_load_file (GFile        *file,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;
  g_autoptr (GBytes) bytes = NULL;
  CgSession *session;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (!check_file_type (file, name, cancellable, error) ||
      (bytes = read_capped (file, name, &etag, cancellable, error)) == NULL)
    return NULL;
  session = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      name, error);
  if (session != NULL)
    {
      cg_session_set_file (session, file);
      cg_session_set_etag (session, etag);
    }
  return session;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CgSession *session = cg_session_xml_load_file (data, cancellable, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

void
cg_session_xml_load_file_async (GFile              *file,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_session_xml_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CgSession *
cg_session_xml_load_file_finish (GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
