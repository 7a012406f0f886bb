/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Minor versions add content only in a namespace of their own, so that an
 * older reader keeps it (docs/FORMAT.md, "Versions"). Format 1.1's three
 * elements, <cg11:baseline>, <cg11:group> and <cg11:work-on>, are read and
 * written as ours: each round-trips, is written once (the keeper of foreign
 * content does not keep a second copy), and what is written follows both
 * this version's schema and format 1.0's released one
 * (tests/data/schema-1.0). A file of a later minor version (1.2 content in
 * its own namespace) is kept through a load and a save, which is how a 1.0
 * app treats 1.1's content; and what a 1.0 app writes back (the baseline
 * at the end of the session) opens here. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#define NS "https://commonground.github.io/ns/session"
#define NS_1_1 NS "/1.1"
#define NS_1_2 NS "/1.2"
#define DIGEST "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static xmlRelaxNGPtr schema_now;
static xmlRelaxNGPtr schema_1_0;

static xmlRelaxNGPtr
load_schema (const char *relative)
{
  g_autofree char *path = g_build_filename (g_getenv ("CG_SOURCE_ROOT"), relative, NULL);
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGPtr schema;

  assert_non_null (pctxt);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    fail_msg ("%s does not compile", path);
  return schema;
}

static int
compile_schemas (void **state)
{
  schema_now = load_schema ("data/schema/session.rng");
  schema_1_0 = load_schema ("tests/data/schema-1.0/session.rng");
  return 0;
}

static int
free_schemas (void **state)
{
  g_clear_pointer (&schema_now, xmlRelaxNGFree);
  g_clear_pointer (&schema_1_0, xmlRelaxNGFree);
  return 0;
}

static void
ignore_error (void       *data,
              xmlErrorPtr error)
{
}

static gboolean
schema_accepts (xmlRelaxNGPtr schema,
                GBytes       *bytes)
{
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                 "written.commonground", NULL, XML_PARSE_NONET);
  xmlRelaxNGValidCtxtPtr vctxt;
  int result;

  if (doc == NULL)
    return FALSE;
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, ignore_error, NULL);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  return result == 0;
}

static void
assert_both_schemas_accept (GBytes     *bytes,
                            const char *what)
{
  if (!schema_accepts (schema_now, bytes))
    fail_msg ("%s does not follow data/schema/session.rng", what);
  if (!schema_accepts (schema_1_0, bytes))
    fail_msg ("%s does not follow format 1.0's schema", what);
}

static guint
count (GBytes     *bytes,
       const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static GBytes *
save (CgSession *s)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = cg_session_xml_save_bytes (s, &error);

  if (bytes == NULL)
    fail_msg ("%s", error->message);
  return bytes;
}

static CgSession *
load_bytes (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  CgSession *s = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           "v.commonground", &error);

  if (s == NULL)
    fail_msg ("%s", error->message);
  return s;
}

static CgSession *
load_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return load_bytes (bytes);
}

/* Refused, with an error message holding @expected. */
static void
assert_refused (const char *text,
                const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) s =
    cg_session_xml_load_data (text, strlen (text), "v.commonground", &error);

  assert_null (s);
  assert_non_null (error);
  if (strstr (error->message, expected) == NULL)
    fail_msg ("expected “%s” in: %s", expected, error->message);
}

/* A session, the first partner, the saved bytes, the reloaded session;
 * saving that again gives the same bytes, which follow both schemas. */
typedef struct
{
  CgSession *session;
  guint partner;
  GBytes *bytes;
  CgSession *loaded;
} Trip;

static void
trip_run (Trip *t)
{
  g_autoptr (GBytes) again = NULL;

  t->bytes = save (t->session);
  assert_both_schemas_accept (t->bytes, "the saved session");
  t->loaded = load_bytes (t->bytes);
  assert_true (cg_session_equal (t->session, t->loaded));
  assert_false (cg_session_xml_get_newer_minor (t->loaded));
  again = save (t->loaded);
  assert_true (g_bytes_equal (t->bytes, again));
}

static void
trip_clear (Trip *t)
{
  g_clear_object (&t->session);
  g_clear_object (&t->loaded);
  g_clear_pointer (&t->bytes, g_bytes_unref);
}

static void
trip_init (Trip *t)
{
  t->session = cg_session_new ();
  cg_session_set_detail (t->session, CG_DETAIL_TITLE, "Riverside");
  t->partner = cg_session_add_partner (t->session, "Alex", "Social Services", "Social worker");
  cg_session_add_partner (t->session, "Priya", "", "");
}

static void
test_no_1_1_content_no_declaration (void **state)
{
  Trip t = { 0 };

  trip_init (&t);
  trip_run (&t);
  /* Written as 1.0 wrote it, but for the version. */
  assert_int_equal (count (t.bytes, NS_1_1), 0);
  assert_int_equal (count (t.bytes, "cg11"), 0);
  assert_int_equal (count (t.bytes, "format-version=\"1.1\""), 1);
  trip_clear (&t);
}

static void
test_group_round_trip (void **state)
{
  Trip t = { 0 };

  trip_init (&t);
  cg_session_set_partner_field (t.session, t.partner, CG_PARTNER_GROUP, "Social care & health");
  trip_run (&t);
  assert_int_equal (count (t.bytes, "xmlns:cg11=\"" NS_1_1 "\""), 1);
  /* After <role>, in the 1.1 namespace, once. */
  assert_int_equal (count (t.bytes, "<role>Social worker</role>\n"
                                    "      <cg11:group>Social care &amp; health</cg11:group>\n"
                                    "    </partner>"),
                    1);
  assert_int_equal (count (t.bytes, "group>"), 2);
  assert_string_equal (cg_session_lookup_partner (t.loaded, t.partner)->group,
                       "Social care & health");
  assert_string_equal (cg_session_get_partner (t.loaded, 1)->group, "");
  trip_clear (&t);
}

static void
test_work_on_round_trip (void **state)
{
  Trip t = { 0 };

  trip_init (&t);
  cg_session_set_charter_field (t.session, CG_CHARTER_STILL_TO_RESOLVE, "Who chairs");
  cg_session_set_charter_field (t.session, CG_CHARTER_WORK_ON, "Agree <dated> milestones.");
  trip_run (&t);
  assert_int_equal (count (t.bytes, "xmlns:cg11=\"" NS_1_1 "\""), 1);
  assert_int_equal (count (t.bytes,
                           "<still-to-resolve>Who chairs</still-to-resolve>\n"
                           "    <cg11:work-on>Agree &lt;dated&gt; milestones.</cg11:work-on>\n"
                           "  </charter>"),
                    1);
  assert_int_equal (count (t.bytes, "work-on"), 2);
  assert_string_equal (cg_session_get_charter_field (t.loaded, CG_CHARTER_WORK_ON),
                       "Agree <dated> milestones.");
  trip_clear (&t);

  /* Written but empty is not "not written". */
  trip_init (&t);
  cg_session_set_charter_field (t.session, CG_CHARTER_WORK_ON, "");
  trip_run (&t);
  assert_int_equal (count (t.bytes, "<cg11:work-on/>"), 1);
  assert_string_equal (cg_session_get_charter_field (t.loaded, CG_CHARTER_WORK_ON), "");
  trip_clear (&t);
}

static void
test_baseline_round_trip (void **state)
{
  Trip t = { 0 };
  g_autoptr (CgBaseline) baseline =
    cg_baseline_new ("Riverside 2025", "2025-11-20", "river & side.commonground", DIGEST);

  trip_init (&t);
  cg_session_set_baseline (t.session, baseline);
  trip_run (&t);
  assert_int_equal (count (t.bytes, "xmlns:cg11=\"" NS_1_1 "\""), 1);
  /* After <details>, it and its children in the 1.1 namespace. */
  assert_int_equal (count (t.bytes, "  </details>\n"
                                    "  <cg11:baseline sha256=\"" DIGEST "\">\n"
                                    "    <cg11:title>Riverside 2025</cg11:title>\n"
                                    "    <cg11:date>2025-11-20</cg11:date>\n"
                                    "    <cg11:file>river &amp; side.commonground</cg11:file>\n"
                                    "  </cg11:baseline>\n"
                                    "  <options"),
                    1);
  assert_true (cg_baseline_equal (cg_session_get_baseline (t.loaded), baseline));
  trip_clear (&t);
}

/* All three at once, in a file of format 1.2 that also has 1.2 content
 * and another namespace's: ours are read and written once, the rest kept. */
static const char newer_minor_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<session xmlns=\"" NS "\" xmlns:v11=\"" NS_1_1 "\" xmlns:cg12=\"" NS_1_2 "\""
  " xmlns:fut=\"https://example.org/ns/future\" format-version=\"1.2\" next-id=\"4\">\n"
  "  <details>\n"
  "    <title>Round two</title>\n"
  "  </details>\n"
  "  <v11:baseline sha256=\"" DIGEST "\" fut:how=\"by hand\">\n"
  "    <v11:title>Round one</v11:title>\n"
  "    <v11:file>one.commonground</v11:file>\n"
  "    <fut:note>kept inside the baseline</fut:note>\n"
  "  </v11:baseline>\n"
  "  <cg12:agenda>Tea first</cg12:agenda>\n"
  "  <partners>\n"
  "    <partner id=\"p1\" colour=\"#009e73\" cg12:seat=\"3\">\n"
  "      <name>Alex</name>\n"
  "      <role>Social worker</role>\n"
  "      <v11:group fut:source=\"register\">Social care</v11:group>\n"
  "      <cg12:pronouns>they/them</cg12:pronouns>\n"
  "    </partner>\n"
  "  </partners>\n"
  "  <lessons>\n"
  "    <lesson number=\"1\"><statement id=\"s2\">We share a purpose.</statement></lesson>\n"
  "    <lesson number=\"2\"/><lesson number=\"3\"/><lesson number=\"4\"/><lesson number=\"5\"/>\n"
  "  </lessons>\n"
  "  <charter>\n"
  "    <purpose>Families first</purpose>\n"
  "    <v11:work-on>Shared records</v11:work-on>\n"
  "    <cg12:next-meeting>2027-01-10</cg12:next-meeting>\n"
  "  </charter>\n"
  "</session>\n";

/* A kept element carries its namespace's declaration with it. */
#define DECLARE_1_2 " xmlns:cg12=\"" NS_1_2 "\""

static void
test_newer_minor_keeps_its_namespace (void **state)
{
  g_autoptr (CgSession) s = load_text (newer_minor_file);
  g_autoptr (CgSession) again = NULL;
  g_autoptr (GBytes) saved = NULL, saved_again = NULL;
  const CgBaseline *b;
  /* 1.2's content, and another namespace's, each kept once. */
  const char *const kept_once[] = {
    "<cg12:agenda" DECLARE_1_2 ">Tea first</cg12:agenda>",
    "cg12:seat=\"3\"",
    "<cg12:pronouns" DECLARE_1_2 ">they/them</cg12:pronouns>",
    "<cg12:next-meeting" DECLARE_1_2 ">2027-01-10</cg12:next-meeting>",
    "fut:how=\"by hand\"",
    ">kept inside the baseline</fut:note>\n  </cg11:baseline>",
    "<cg11:group fut:source=\"register\">Social care</cg11:group>",
    "<cg11:work-on>Shared records</cg11:work-on>",
    "<cg11:title>Round one</cg11:title>",
  };

  assert_true (cg_session_xml_get_newer_minor (s));
  /* 1.1's elements are read whatever the prefix. */
  b = cg_session_get_baseline (s);
  assert_non_null (b);
  assert_string_equal (b->title, "Round one");
  assert_string_equal (b->date, "");
  assert_string_equal (b->file_name, "one.commonground");
  assert_string_equal (b->sha256, DIGEST);
  assert_string_equal (cg_session_lookup_partner (s, 1)->group, "Social care");
  assert_string_equal (cg_session_get_charter_field (s, CG_CHARTER_WORK_ON), "Shared records");

  saved = save (s);
  assert_both_schemas_accept (saved, "the saved 1.2 file");
  for (guint i = 0; i < G_N_ELEMENTS (kept_once); i++)
    if (count (saved, kept_once[i]) != 1)
      {
        g_printerr ("%.*s", (int) g_bytes_get_size (saved),
                    (const char *) g_bytes_get_data (saved, NULL));
        fail_msg ("“%s” is in the saved file above %u times, not once", kept_once[i],
                  count (saved, kept_once[i]));
      }
  /* Not a second copy of 1.1's elements under their old prefix. */
  assert_int_equal (count (saved, "v11:"), 0);
  assert_int_equal (count (saved, "baseline sha256"), 1);
  assert_int_equal (count (saved, "group"), 2);
  assert_int_equal (count (saved, "work-on"), 2);
  /* Kept content goes at the end of its container. */
  assert_int_equal (count (saved, "<cg11:group fut:source=\"register\">Social care</cg11:group>\n"
                                  "      <cg12:pronouns" DECLARE_1_2 ">they/them</cg12:pronouns>\n"
                                  "    </partner>"),
                    1);
  assert_int_equal (count (saved,
                           "<cg11:work-on>Shared records</cg11:work-on>\n"
                           "    <cg12:next-meeting" DECLARE_1_2 ">2027-01-10</cg12:next-meeting>\n"
                           "  </charter>\n"
                           "  <cg12:agenda" DECLARE_1_2 ">Tea first</cg12:agenda>\n"
                           "</session>"),
                    1);

  again = load_bytes (saved);
  assert_true (cg_session_equal (s, again));
  saved_again = save (again);
  assert_true (g_bytes_equal (saved, saved_again));
}

/* A 1.0 app keeps <cg11:baseline> as foreign content and writes it back at
 * the end of the session: this version reads it there and puts it back in
 * its place. (The lines are those a 1.0 app writes for a new round.) */
static void
test_baseline_where_1_0_writes_it (void **state)
{
  static const char file[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<session xmlns=\"" NS "\" format-version=\"1.0\" next-id=\"3\">\n"
                             "  <details>\n"
                             "    <title>Round two</title>\n"
                             "  </details>\n"
                             "  <options answers-hidden=\"false\" current-stage=\"session\"/>\n"
                             "  <partners>\n"
                             "    <partner id=\"p1\" colour=\"#009e73\">\n"
                             "      <name>Alex</name>\n"
                             "      <cg11:group xmlns:cg11=\"" NS_1_1 "\">Health</cg11:group>\n"
                             "    </partner>\n"
                             "  </partners>\n"
                             "  <lessons>\n"
                             "    <lesson number=\"1\"/>\n"
                             "    <lesson number=\"2\"/>\n"
                             "    <lesson number=\"3\"/>\n"
                             "    <lesson number=\"4\"/>\n"
                             "    <lesson number=\"5\"/>\n"
                             "  </lessons>\n"
                             "  <aims/>\n"
                             "  <tasks/>\n"
                             "  <answers/>\n"
                             "  <charter/>\n"
                             "  <cg11:baseline xmlns:cg11=\"" NS_1_1 "\" sha256=\"" DIGEST "\">\n"
                             "    <cg11:title>Round one</cg11:title>\n"
                             "    <cg11:file>one.commonground</cg11:file>\n"
                             "  </cg11:baseline>\n"
                             "</session>\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr (CgSession) s = NULL;
  g_autoptr (GBytes) saved = NULL;

  assert_both_schemas_accept (bytes, "the file as 1.0 writes it");
  s = load_bytes (bytes);
  assert_non_null (cg_session_get_baseline (s));
  assert_string_equal (cg_session_get_baseline (s)->file_name, "one.commonground");
  assert_string_equal (cg_session_lookup_partner (s, 1)->group, "Health");
  saved = save (s);
  assert_both_schemas_accept (saved, "the saved file");
  assert_int_equal (count (saved, "baseline sha256"), 1);
  assert_int_equal (count (saved, "  </details>\n  <cg11:baseline"), 1);
  assert_int_equal (count (saved, "  <charter/>\n</session>"), 1);
}

#define LESSONS                                                                                    \
  "<lessons><lesson number='1'/><lesson number='2'/><lesson number='3'/>"                          \
  "<lesson number='4'/><lesson number='5'/></lessons>"
#define ROOT_1_1 "<session xmlns='" NS "' xmlns:cg11='" NS_1_1 "' format-version='1.1' next-id='2'>"

static void
test_main_namespace_spelling_refused (void **state)
{
  /* What builds before the fix wrote: never released, not read. */
  assert_refused (ROOT_1_1 "<partners><partner id='p1'><name>A</name><group>Health</group>"
                           "</partner></partners>" LESSONS "</session>",
                  "“group” inside “partner” belongs to the namespace of format 1.1 (" NS_1_1 ")");
  assert_refused (ROOT_1_1 LESSONS "<charter><work-on>x</work-on></charter></session>",
                  "“work-on” inside “charter” belongs to the namespace of format 1.1");
  assert_refused (ROOT_1_1 "<baseline sha256='" DIGEST
                           "'><title>T</title><file>f</file></baseline>" LESSONS "</session>",
                  "“baseline” inside “session” belongs to the namespace of format 1.1");
  assert_refused (ROOT_1_1 "<cg11:baseline sha256='" DIGEST "'><title>T</title>"
                           "<cg11:file>f</cg11:file></cg11:baseline>" LESSONS "</session>",
                  "“title” inside “baseline” belongs to the namespace of format 1.1");
}

static void
test_1_1_elements_placed_exactly (void **state)
{
  /* In the wrong container. */
  assert_refused (ROOT_1_1 LESSONS "<charter><cg11:group>x</cg11:group></charter></session>",
                  "“group” does not belong inside “charter”");
  /* Two of a kind. */
  assert_refused (ROOT_1_1 "<partners><partner id='p1'><name>A</name><cg11:group>H</cg11:group>"
                           "<cg11:group>C</cg11:group></partner></partners>" LESSONS "</session>",
                  "two “group” elements inside “partner”");
  assert_refused (ROOT_1_1
                  "<cg11:baseline sha256='" DIGEST
                  "'><cg11:title>T</cg11:title><cg11:file>f</cg11:file></cg11:baseline>" LESSONS
                  "<cg11:baseline sha256='" DIGEST
                  "'><cg11:title>T</cg11:title><cg11:file>f</cg11:file></cg11:baseline>"
                  "</session>",
                  "two “baseline” elements inside “session”");
  /* An element 1.1 does not define: its namespace is ours, not foreign. */
  assert_refused (ROOT_1_1 LESSONS "<cg11:agenda>x</cg11:agenda></session>",
                  "“agenda” does not belong inside “session”");
  /* Out of order (the schema). */
  assert_refused (ROOT_1_1 "<partners><partner id='p1'><cg11:group>H</cg11:group><name>A</name>"
                           "</partner></partners>" LESSONS "</session>",
                  "does not follow the Common Ground format");
  /* An attribute in the 1.1 namespace: 1.1 defines none. */
  assert_refused (ROOT_1_1 "<partners><partner id='p1' cg11:seat='3'><name>A</name>"
                           "</partner></partners>" LESSONS "</session>",
                  "does not follow the Common Ground format");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_no_1_1_content_no_declaration),
    cmocka_unit_test (test_group_round_trip),
    cmocka_unit_test (test_work_on_round_trip),
    cmocka_unit_test (test_baseline_round_trip),
    cmocka_unit_test (test_newer_minor_keeps_its_namespace),
    cmocka_unit_test (test_baseline_where_1_0_writes_it),
    cmocka_unit_test (test_main_namespace_spelling_refused),
    cmocka_unit_test (test_1_1_elements_placed_exactly),
  };

  return cmocka_run_group_tests (tests, compile_schemas, free_schemas);
}
