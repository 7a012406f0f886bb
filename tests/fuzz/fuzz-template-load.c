/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: make a new session from an arbitrary template. Whatever is
 * accepted must be a fresh session (unmodified, nothing to undo, no file,
 * dated) that saves and loads back to an equal session; every refusal must
 * carry a message. */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cg-session-xml.h"
#include "cg-template-private.h"

#define TEMPLATE_DIR "/io/github/commonground/CommonGround/core/templates/"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A template must live in ID.commonground. Name the input after the first
 * id="..." after "<template" so that mutations of the body, not of the
 * name, decide what gets through; fall back to a name that never matches. */
static char *
template_path (const uint8_t *data,
               size_t         size)
{
  const char *start = memmem (data, size, "<template", 9);
  const char *end = (const char *) data + size;
  const char *id;
  const char *close;

  if (start == NULL)
    return g_strdup (TEMPLATE_DIR "fuzz.commonground");
  id = memmem (start, end - start, "id=\"", 4);
  if (id == NULL)
    return g_strdup (TEMPLATE_DIR "fuzz.commonground");
  id += 4;
  close = memchr (id, '"', end - id);
  if (close == NULL || close - id > 64 || memchr (id, '/', close - id) != NULL ||
      memchr (id, '\0', close - id) != NULL)
    return g_strdup (TEMPLATE_DIR "fuzz.commonground");
  return g_strdup_printf (TEMPLATE_DIR "%.*s.commonground", (int) (close - id), id);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *path = template_path (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = NULL;
  g_autoptr (CgSession) again = NULL;
  g_autoptr (GBytes) saved = NULL;

  session = cg_template_load_data (bytes, path, &error);
  if (session == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }
  if (cg_session_get_modified (session) || cg_session_can_undo (session) ||
      cg_session_get_file (session) != NULL ||
      strlen (cg_session_get_detail (session, CG_DETAIL_DATE)) != 10)
    abort ();
  saved = cg_session_xml_save_bytes (session, &error);
  if (saved == NULL)
    abort ();
  again = cg_session_xml_load_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                    "fuzz-saved.commonground", &error);
  if (again == NULL || !cg_session_equal (session, again))
    abort ();
  return 0;
}
