/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz target over files or folders of inputs without libFuzzer, so
 * the corpus is an ordinary test in every build (as GLib's fuzzing/ does). */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  return 0;
}

static int
run_path (const char *path,
          guint      *count)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;
  int failures = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      (*count)++;
      return run_file (path);
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      failures += run_path (child, count);
    }
  return failures;
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;
  int failures = 0;

  for (int i = 1; i < argc; i++)
    failures += run_path (argv[i], &count);
  printf ("ran %u inputs\n", count);
  /* An empty corpus would prove nothing. */
  return failures == 0 && count > 0 ? 0 : 1;
}
