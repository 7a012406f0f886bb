/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: load a session from arbitrary bytes. Whatever loads must
 * save, load again to an equal session, and save again to the same bytes. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "cg-session-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) first = NULL;
  g_autoptr (CgSession) second = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GBytes) saved_again = NULL;

  first = cg_session_xml_load_data ((const char *) data, size, "fuzz.commonground", &error);
  if (first == NULL)
    {
      long line = 0, column = 0;
      int end = 0;

      /* Every refusal must say where (file, line, column) and what. */
      if (error == NULL ||
          sscanf (error->message, "fuzz.commonground:%ld:%ld: %n", &line, &column, &end) != 2 ||
          line < 1 || column < 1 || end == 0 || error->message[end] == '\0')
        abort ();
      return 0;
    }
  saved = cg_session_xml_save_bytes (first, &error);
  if (saved == NULL)
    abort ();
  second = cg_session_xml_load_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                     "fuzz-saved.commonground", &error);
  if (second == NULL || !cg_session_equal (first, second))
    abort ();
  saved_again = cg_session_xml_save_bytes (second, &error);
  if (saved_again == NULL || !g_bytes_equal (saved, saved_again))
    abort ();
  return 0;
}
