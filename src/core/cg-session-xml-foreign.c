/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml-foreign.c: keeping what a newer minor version added.
 *
 * Newer minor versions add content only in other namespaces. We keep a
 * copy of it in a private document (the elements of namespaces we read as
 * our own, the Common Ground one and 1.1's, are not in it: they were read
 * into the session and are written from it, so a second copy would double
 * them), filed under the key of the element of
 * ours it sat on or in, and put it back on the element with the same key
 * when the session is written. Elements go at the end of their container.
 * If the owner is gone (a partner was removed), so is its extra content.
 */
#define G_LOG_DOMAIN "cg-session-xml"
#include "config.h"

#include <string.h>

#include "cg-session-xml-private.h"

struct _CgXmlForeign
{
  xmlDocPtr doc;       /* <keep> with one holder element per key */
  GHashTable *holders; /* key -> xmlNode holder, owned by doc */
};

/* What names one of our elements among its siblings. */
static const char *const identifying_attrs[] = {
  "id", "number", "partner", "item", "lesson", "task", "stage", NULL,
};

/* Same name in the same namespace (ours only: both are). */
static gboolean
same_element (const xmlNode *a,
              const xmlNode *b)
{
  return cg_xml_is_1_1 (a) == cg_xml_is_1_1 (b) &&
         strcmp ((const char *) a->name, (const char *) b->name) == 0;
}

static void
append_step (GString *key,
             xmlNode *node)
{
  gboolean identified = FALSE;

  if (cg_xml_is_1_1 (node))
    g_string_append (key, CG_SESSION_XML_PREFIX_1_1 ":");
  g_string_append (key, (const char *) node->name);
  g_string_append_c (key, '[');
  for (guint i = 0; identifying_attrs[i] != NULL; i++)
    {
      xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) identifying_attrs[i]);

      if (value == NULL)
        continue;
      g_string_append_printf (key, "%s%s=%s", identified ? "," : "", identifying_attrs[i],
                              (const char *) value);
      identified = TRUE;
      xmlFree (value);
    }
  if (!identified)
    {
      guint position = 1;

      for (xmlNode *s = node->prev; s != NULL; s = s->prev)
        if (cg_xml_is_ours (s) && same_element (s, node))
          position++;
      g_string_append_printf (key, "%u", position);
    }
  g_string_append_c (key, ']');
}

char *
cg_xml_node_key (xmlNode *node)
{
  GPtrArray *path = g_ptr_array_new ();
  GString *key = g_string_new (NULL);

  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    g_ptr_array_add (path, n);
  for (guint i = path->len; i > 0; i--)
    {
      if (i != path->len)
        g_string_append_c (key, '/');
      append_step (key, g_ptr_array_index (path, i - 1));
    }
  g_ptr_array_unref (path);
  return g_string_free (key, FALSE);
}

/* xmlCopyProp() leaves the copy unlinked (and xmlAddChild() then refuses
 * it as already added), so attributes are set afresh, their namespace
 * declared on the root when it is not in scope. */
static void
copy_attr (xmlNode *target,
           xmlAttr *attr)
{
  xmlNode *root = xmlDocGetRootElement (target->doc);
  xmlNs *ns = xmlSearchNsByHref (target->doc, target, attr->ns->href);
  xmlChar *value = xmlGetNsProp (attr->parent, attr->name, attr->ns->href);

  for (guint i = 1; ns == NULL && i < 1000; i++)
    {
      g_autofree char *prefix = NULL;

      if (i > 1 || attr->ns->prefix == NULL)
        prefix = g_strdup_printf ("ns%u", i);
      ns = xmlNewNs (root, attr->ns->href,
                     prefix != NULL ? (const xmlChar *) prefix : attr->ns->prefix);
    }
  if (ns != NULL)
    xmlSetNsProp (target, ns, attr->name, value != NULL ? value : (const xmlChar *) "");
  xmlFree (value);
}

static gboolean
is_foreign_element (const xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && !cg_xml_is_ours (node);
}

static xmlNode *
holder_for (CgXmlForeign *foreign,
            xmlNode      *owner)
{
  char *key = cg_xml_node_key (owner);
  xmlNode *holder = g_hash_table_lookup (foreign->holders, key);

  if (holder != NULL)
    {
      g_free (key);
      return holder;
    }
  holder = xmlNewDocNode (foreign->doc, NULL, (const xmlChar *) "holder", NULL);
  xmlAddChild (xmlDocGetRootElement (foreign->doc), holder);
  g_hash_table_insert (foreign->holders, key, holder);
  return holder;
}

static void
collect_from (CgXmlForeign *foreign,
              xmlNode      *owner)
{
  for (xmlAttr *a = owner->properties; a != NULL; a = a->next)
    if (a->ns != NULL)
      {
        copy_attr (holder_for (foreign, owner), a);
      }
  for (xmlNode *c = owner->children; c != NULL; c = c->next)
    {
      if (is_foreign_element (c))
        xmlAddChild (holder_for (foreign, owner), xmlDocCopyNode (c, foreign->doc, 1));
      else if (cg_xml_is_ours (c))
        collect_from (foreign, c);
    }
}

CgXmlForeign *
cg_xml_foreign_collect (xmlDoc *doc)
{
  CgXmlForeign *foreign = g_new0 (CgXmlForeign, 1);

  foreign->doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlDocSetRootElement (foreign->doc,
                        xmlNewDocNode (foreign->doc, NULL, (const xmlChar *) "keep", NULL));
  foreign->holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_from (foreign, xmlDocGetRootElement (doc));
  if (g_hash_table_size (foreign->holders) == 0)
    g_clear_pointer (&foreign, cg_xml_foreign_free);
  return foreign;
}

void
cg_xml_foreign_free (CgXmlForeign *foreign)
{
  if (foreign == NULL)
    return;
  g_hash_table_unref (foreign->holders);
  xmlFreeDoc (foreign->doc);
  g_free (foreign);
}

static void
collect_ours (xmlNode   *node,
              GPtrArray *ours)
{
  g_ptr_array_add (ours, node);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (cg_xml_is_ours (c))
      collect_ours (c, ours);
}

static void
attach_to (xmlNode *holder,
           xmlNode *target)
{
  for (xmlAttr *a = holder->properties; a != NULL; a = a->next)
    copy_attr (target, a);
  for (xmlNode *c = holder->children; c != NULL; c = c->next)
    xmlAddChild (target, xmlDocCopyNode (c, target->doc, 1));
}

void
cg_xml_foreign_attach (CgXmlForeign *foreign,
                       xmlDoc       *doc)
{
  g_autoptr (GPtrArray) ours = g_ptr_array_new ();

  g_return_if_fail (foreign != NULL);

  /* Keys first, then changes: attaching must not disturb the walk. */
  collect_ours (xmlDocGetRootElement (doc), ours);
  for (guint i = 0; i < ours->len; i++)
    {
      xmlNode *target = g_ptr_array_index (ours, i);
      g_autofree char *key = cg_xml_node_key (target);
      xmlNode *holder = g_hash_table_lookup (foreign->holders, key);

      if (holder != NULL)
        attach_to (holder, target);
    }
}
