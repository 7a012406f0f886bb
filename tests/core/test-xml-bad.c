/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every hostile or broken file is refused quickly, with its own message
 * naming the file and the line. The files are in tests/data/bad; the big
 * ones (100 MB, 1 GB, a gzip bomb, a quadratic blow-up) are made here. The
 * big ones are also refused within a memory budget, in a child process
 * whose address space is limited. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxml/parser.h>

#include "cg-session-xml.h"

#define ONE_SECOND G_USEC_PER_SEC
/* A refused file costs less than this much memory (RELIABILITY #8). */
#define MEMORY_BUDGET (200 * 1024 * 1024)

/* AddressSanitizer reserves terabytes of address space, so no address
 * space limit can be set under it; the resident-size check still runs. */
#if defined(__SANITIZE_ADDRESS__)
#define CG_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CG_UNDER_ASAN 1
#endif
#endif
#ifndef CG_UNDER_ASAN
#define CG_UNDER_ASAN 0
#endif

typedef struct
{
  const char *file;
  CgSessionXmlError code;
  int line;
  int column; /* of the "<" that opens the element at fault, or where libxml2 stopped */
  const char *words;
} BadFile;

static const BadFile bad_files[] = {
  { "truncated", CG_SESSION_XML_ERROR_NOT_WELL_FORMED, 20, 21,
    "the file is damaged or incomplete" },
  { "wrong-root", CG_SESSION_XML_ERROR_WRONG_ROOT, 3, 1,
    "not a Common Ground session: its root element is “html”" },
  { "newer-major", CG_SESSION_XML_ERROR_VERSION, 2, 1,
    "this file was made by a newer version of Common Ground (format 2.0); this version reads format 1.x" },
  { "unknown-partner", CG_SESSION_XML_ERROR_MEANING, 56, 5,
    "answers name partner “p9”, which is not in the session" },
  { "rating-7", CG_SESSION_XML_ERROR_MEANING, 52, 5,
    "rating 7 for partner p1 is out of range (1 to 5 or don’t know)" },
  { "duplicate-id", CG_SESSION_XML_ERROR_MEANING, 38, 7, "the id “s4” is used twice" },
  { "duplicate-answer", CG_SESSION_XML_ERROR_MEANING, 59, 5,
    "partner p3 answers about task t10 twice" },
  { "next-id-too-small", CG_SESSION_XML_ERROR_MEANING, 2, 1,
    "next-id is 9, but the id “t10” is not smaller" },
  { "xxe", CG_SESSION_XML_ERROR_DOCTYPE, 2, 1,
    "refers to a document type definition, which Common Ground files never do (it declares entities that read outside files)" },
  { "parameter-entity", CG_SESSION_XML_ERROR_DOCTYPE, 3, 1, "(it declares parameter entities" },
  { "remote-dtd", CG_SESSION_XML_ERROR_DOCTYPE, 2, 1, "(it names an outside file" },
  { "billion-laughs", CG_SESSION_XML_ERROR_DOCTYPE, 2, 1,
    "(it declares entities, which can expand without limit)" },
  { "invalid-utf8", CG_SESSION_XML_ERROR_NOT_WELL_FORMED, 5, 13,
    "the file is not valid UTF-8 text" },
  { "empty", CG_SESSION_XML_ERROR_EMPTY, 1, 1, "the file is empty" },
  { "undefined-entity", CG_SESSION_XML_ERROR_NOT_WELL_FORMED, 4, 24, "the file uses an entity" },
  { "unknown-element", CG_SESSION_XML_ERROR_MEANING, 41, 5,
    "“surprise” does not belong inside “lessons”" },
  { "unknown-attribute", CG_SESSION_XML_ERROR_MEANING, 24, 5,
    "“partner” has an attribute “color”" },
  { "repeated-part", CG_SESSION_XML_ERROR_MEANING, 47, 3,
    "there are two “tasks” elements inside “session”" },
  { "foreign-in-text", CG_SESSION_XML_ERROR_INVALID, 20, 18,
    "the file does not follow the Common Ground format: Element name has extra content: b" },
  /* Answers are checked by the loader rather than the schema (linear time);
   * the schema refused each of these too. */
  { "answer-with-content", CG_SESSION_XML_ERROR_INVALID, 52, 46,
    "the file does not follow the Common Ground format: “rating” holds content, where it should be empty" },
  { "answer-with-text", CG_SESSION_XML_ERROR_INVALID, 53, 5,
    "the file does not follow the Common Ground format: “rating” holds content, where it should be empty" },
  { "comment-with-element", CG_SESSION_XML_ERROR_INVALID, 54, 43,
    "the file does not follow the Common Ground format: “comment” holds an element, where only text belongs" },
  { "answer-namespaced-attribute", CG_SESSION_XML_ERROR_INVALID, 55, 5,
    "“role” has an attribute “involvement” in the Common Ground namespace" },
};

/* Loads @path, expecting a refusal with @code whose message starts
 * "BASENAME:LINE:COLUMN: " and holds @words, in under a second. Returns what was
 * wrong, or NULL. */
static char *
check_refused (const char       *path,
               CgSessionXmlError code,
               int               line,
               int               column,
               const char       *words,
               char            **message)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s:%d:%d: ", base, line, column);
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  session = cg_session_xml_load_file (file, NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  if (session != NULL || error == NULL)
    return g_strdup_printf ("%s: was not refused", base);
  if (!g_error_matches (error, CG_SESSION_XML_ERROR, code))
    return g_strdup_printf ("%s: expected code %d, got %s %d: %s", base, code,
                            g_quark_to_string (error->domain), error->code, error->message);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, words) == NULL)
    return g_strdup_printf ("%s: expected “%s…%s”, got “%s”", base, prefix, words, error->message);
  if (elapsed >= ONE_SECOND)
    return g_strdup_printf ("%s: refusing took %" G_GINT64_FORMAT " µs", base, elapsed);
  if (message != NULL)
    *message =
      g_strdup_printf ("%-28s %6" G_GINT64_FORMAT " µs  %s", base, elapsed, error->message);
  return NULL;
}

static void
assert_refused (const char       *path,
                CgSessionXmlError code,
                int               line,
                int               column,
                const char       *words)
{
  g_autofree char *message = NULL;
  g_autofree char *problem = check_refused (path, code, line, column, words, &message);

  if (problem != NULL)
    fail_msg ("%s", problem);
  print_message ("%s\n", message);
}

/* Bytes of address space this process has mapped now. */
static gsize
address_space_now (void)
{
  g_autofree char *statm = NULL;
  gsize pages = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    pages = g_ascii_strtoull (statm, NULL, 10);
  return pages * (gsize) sysconf (_SC_PAGESIZE);
}

/* Kilobytes resident now, as ru_maxrss counts them. */
static glong
resident_kb_now (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmRSS:")) == NULL)
    return 0;
  return (glong) g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

typedef int (*ChildWork) (gconstpointer data);

/* Exit status of a child whose resident size grew past the budget. */
#define CHILD_OVER_BUDGET 3

/* Runs @work in a child that may map at most MEMORY_BUDGET more than it
 * had when forked. The child exits with what @work returns, or with
 * CHILD_OVER_BUDGET when its peak resident size rose by the budget or
 * more (the only check under ASan). Returns the wait status. */
static int
run_within_budget (ChildWork     work,
                   gconstpointer data)
{
  int status = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  assert_true (pid >= 0);
  if (pid == 0)
    {
      glong start_kb = resident_kb_now ();
      struct rlimit limit;
      struct rusage usage;
      int result;

      limit.rlim_cur = limit.rlim_max = address_space_now () + MEMORY_BUDGET;
      if (start_kb <= 0 || (!CG_UNDER_ASAN && setrlimit (RLIMIT_AS, &limit) != 0))
        _exit (99);
      result = work (data);
      if (getrusage (RUSAGE_SELF, &usage) != 0)
        _exit (99);
      printf ("  child: resident size grew by %ld kB\n", usage.ru_maxrss - start_kb);
      fflush (stdout);
      if (result == 0 && usage.ru_maxrss - start_kb >= MEMORY_BUDGET / 1024)
        _exit (CHILD_OVER_BUDGET);
      _exit (result);
    }
  assert_int_equal (waitpid (pid, &status, 0), pid);
  return status;
}

typedef struct
{
  const char *path;
  CgSessionXmlError code;
  int line;
  int column;
  const char *words;
} Refusal;

static int
refuse_in_child (gconstpointer data)
{
  const Refusal *r = data;
  g_autofree char *message = NULL;
  g_autofree char *problem =
    check_refused (r->path, r->code, r->line, r->column, r->words, &message);

  if (problem != NULL)
    fprintf (stderr, "in the child: %s\n", problem);
  else
    printf ("%s\n", message);
  return problem == NULL ? 0 : 1;
}

/* As assert_refused(), in a child process, and the refusal fits in the
 * memory budget: a loader that read the file, or what it expands to, into
 * memory would not. */
static void
assert_refused_within_budget (const char       *path,
                              CgSessionXmlError code,
                              int               line,
                              int               column,
                              const char       *words)
{
  const Refusal r = { path, code, line, column, words };
  int status;

  status = run_within_budget (refuse_in_child, &r);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    fail_msg ("refusing %s within %d MB of memory failed (wait status %d)", path,
              MEMORY_BUDGET / (1024 * 1024), status);
}

/* The budget catches a loader that holds too much: the naive loader, run
 * under the same limit, must fail for want of memory (exit 2) and not for
 * any other reason. Not under ASan, where there is no limit to hit. */
static void
assert_naive_loader_exceeds_budget (ChildWork   naive,
                                    const char *path)
{
  int status;

  if (CG_UNDER_ASAN)
    {
      print_message ("  the naive loader is not run under ASan\n");
      return;
    }
  status = run_within_budget (naive, path);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 2)
    fail_msg ("the naive loader of %s did not run out of memory (wait status %d)", path, status);
}

static void
test_committed_bad_files (void **state)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.commonground", bad_files[i].file);
      g_autofree char *path =
        g_build_filename (g_getenv ("CG_SOURCE_ROOT"), "tests", "data", "bad", name, NULL);

      assert_refused (path, bad_files[i].code, bad_files[i].line, bad_files[i].column,
                      bad_files[i].words);
    }
}

typedef struct
{
  char *dir;
} TempDir;

static int
make_temp_dir (void **state)
{
  TempDir *t = g_new0 (TempDir, 1);

  t->dir = g_dir_make_tmp ("cg-xml-bad-XXXXXX", NULL);
  assert_non_null (t->dir);
  *state = t;
  return 0;
}

static int
remove_temp_dir (void **state)
{
  TempDir *t = *state;
  g_autoptr (GDir) dir = g_dir_open (t->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (t->dir);
  g_free (t->dir);
  g_free (t);
  return 0;
}

static char *
temp_path (void      **state,
           const char *name)
{
  TempDir *t = *state;

  return g_build_filename (t->dir, name, NULL);
}

static const char header[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<session xmlns=\"https://commonground.github.io/ns/session\" format-version=\"1.0\" next-id=\"1\">\n";

/* A sparse file: @size bytes long, no disk used. */
static void
make_sparse_file (const char *path,
                  off_t       size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  assert_true (fd >= 0);
  assert_int_equal (write (fd, header, strlen (header)), (int) strlen (header));
  assert_int_equal (ftruncate (fd, size), 0);
  close (fd);
}

static void
test_hundred_megabytes (void **state)
{
  g_autofree char *path = temp_path (state, "huge.commonground");

  make_sparse_file (path, 100 * 1024 * 1024);
  assert_refused_within_budget (path, CG_SESSION_XML_ERROR_TOO_BIG, 1, 1,
                                "the file is larger than 16 MB");
}

/* Reads the whole file into memory, as g_file_get_contents() does. */
static int
read_whole_file (gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_file_get_contents (data, &contents, &length, &error))
    return 0;
  return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM) ? 2 : 1;
}

static void
test_one_gigabyte (void **state)
{
  g_autofree char *path = temp_path (state, "larger.commonground");

  /* Larger than the memory budget, so reading it all could not fit. */
  make_sparse_file (path, (off_t) 1024 * 1024 * 1024);
  assert_refused_within_budget (path, CG_SESSION_XML_ERROR_TOO_BIG, 1, 1,
                                "the file is larger than 16 MB");
  assert_naive_loader_exceeds_budget (read_whole_file, path);
}

static void
test_too_big_in_memory (void **state)
{
  gsize length = CG_SESSION_XML_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = NULL;

  memset (data, ' ', length);
  memcpy (data, header, strlen (header));
  session = cg_session_xml_load_data (data, length, "memory.commonground", &error);
  assert_null (session);
  assert_true (g_error_matches (error, CG_SESSION_XML_ERROR, CG_SESSION_XML_ERROR_TOO_BIG));
  assert_string_equal (
    error->message,
    "memory.commonground:1:1: the file is larger than 16 MB, too large for a Common Ground session");
}

/* Parses the file with libxml2's own reader, which unpacks gzip as it goes:
 * the loader RELIABILITY.md warns against. */
static xmlExternalEntityLoader libxml2_default_loader;

static void
note_out_of_memory (void       *data,
                    xmlErrorPtr error)
{
  if (error->code == XML_ERR_NO_MEMORY)
    *(gboolean *) data = TRUE;
}

static int
parse_with_xml_read_file (gconstpointer data)
{
  gboolean out_of_memory = FALSE;
  xmlDocPtr doc;

  /* Our loader shuts libxml2's file loader off for the whole process. */
  xmlSetExternalEntityLoader (libxml2_default_loader);
  xmlSetStructuredErrorFunc (&out_of_memory, note_out_of_memory);
  doc = xmlReadFile (data, NULL, XML_PARSE_NONET);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return out_of_memory ? 2 : 1;
}

static void
test_gzip_bomb (void **state)
{
  g_autofree char *path = temp_path (state, "bomb.commonground");
  g_autoptr (GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  g_autofree char *block = g_malloc (1024 * 1024);
  g_autoptr (GBytes) bytes = NULL;

  /* 64 MB of XML, 16 million empty elements, a few tens of kilobytes
   * compressed. Parsed, it would take gigabytes. */
  for (gsize i = 0; i < 1024 * 1024; i += 4)
    memcpy (block + i, "<x/>", 4);
  assert_true (g_output_stream_write_all (gzip, header, strlen (header), NULL, NULL, NULL));
  for (int i = 0; i < 64; i++)
    assert_true (g_output_stream_write_all (gzip, block, 1024 * 1024, NULL, NULL, NULL));
  assert_true (g_output_stream_close (gzip, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  assert_true (g_bytes_get_size (bytes) < 200 * 1024);
  assert_true (
    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  assert_refused_within_budget (path, CG_SESSION_XML_ERROR_NOT_WELL_FORMED, 1, 1,
                                "the file is compressed (gzip); Common Ground files are plain XML");
  assert_naive_loader_exceeds_budget (parse_with_xml_read_file, path);
}

static void
test_quadratic_blowup (void **state)
{
  g_autofree char *path = temp_path (state, "quadratic.commonground");
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE session [\n<!ENTITY a \"");

  for (int i = 0; i < 50000; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\">\n]>\n<session xmlns=\"https://commonground.github.io/ns/session\" "
                         "format-version=\"1.0\" next-id=\"1\"><details><title>");
  for (int i = 0; i < 50000; i++)
    g_string_append (text, "&a;");
  g_string_append (text, "</title></details></session>\n");
  assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  assert_refused (path, CG_SESSION_XML_ERROR_DOCTYPE, 2, 1, "which can expand without limit");
}

static void
test_directory (void **state)
{
  TempDir *t = *state;

  assert_refused (t->dir, CG_SESSION_XML_ERROR_IO, 1, 1,
                  "this is a folder, not a Common Ground session file");
}

static void
test_fifo_does_not_block (void **state)
{
  g_autofree char *path = temp_path (state, "pipe.commonground");

  assert_int_equal (mkfifo (path, 0600), 0);
  assert_refused (path, CG_SESSION_XML_ERROR_IO, 1, 1, "this is not a regular file");
}

static void
test_missing_file (void **state)
{
  g_autofree char *path = temp_path (state, "missing.commonground");

  assert_refused (path, CG_SESSION_XML_ERROR_IO, 1, 1, "the file does not exist");
}

static void
test_whitespace_only_is_empty (void **state)
{
  g_autoptr (GError) error = NULL;

  assert_null (cg_session_xml_load_data (" \n\t\r\n", 5, "blank.commonground", &error));
  assert_true (g_error_matches (error, CG_SESSION_XML_ERROR, CG_SESSION_XML_ERROR_EMPTY));
  assert_string_equal (error->message, "blank.commonground:1:1: the file is empty");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_committed_bad_files),
    cmocka_unit_test_setup_teardown (test_hundred_megabytes, make_temp_dir, remove_temp_dir),
    cmocka_unit_test_setup_teardown (test_one_gigabyte, make_temp_dir, remove_temp_dir),
    cmocka_unit_test (test_too_big_in_memory),
    cmocka_unit_test_setup_teardown (test_gzip_bomb, make_temp_dir, remove_temp_dir),
    cmocka_unit_test_setup_teardown (test_quadratic_blowup, make_temp_dir, remove_temp_dir),
    cmocka_unit_test_setup_teardown (test_directory, make_temp_dir, remove_temp_dir),
    cmocka_unit_test_setup_teardown (test_fifo_does_not_block, make_temp_dir, remove_temp_dir),
    cmocka_unit_test_setup_teardown (test_missing_file, make_temp_dir, remove_temp_dir),
    cmocka_unit_test (test_whitespace_only_is_empty),
  };

  libxml2_default_loader = xmlGetExternalEntityLoader ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}
