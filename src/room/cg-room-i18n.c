/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-i18n.c: server-side strings in the phone's language.
 *
 * The app translates through gettext in the desktop's locale; the room must
 * answer each phone in its own language, whatever the laptop's locale. So
 * po/de.po is compiled at build time (msgfmt) into the room's GResource and
 * looked up here, per request. A .mo file is a table of NUL-terminated
 * original strings ("CONTEXT\004MSGID" when there is a context) and their
 * translations (plural forms separated by NULs: the first is used).
 */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <string.h>

#include "cg-room.h"

#define MO_RESOURCE "/io/github/commonground/CommonGround/room/i18n/de.mo"
#define MO_MAGIC 0x950412deU

static guint32
mo_word (const guint8 *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 w;

  memcpy (&w, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (w) : w;
}

/* The string at table entry @i (length then offset), or NULL when the
 * entry points outside the file or is not NUL-terminated. */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           guint32       table,
           guint32       i,
           gboolean      swap)
{
  gsize entry = (gsize) table + (gsize) i * 8;
  guint32 len, offset;

  if (entry + 8 > size)
    return NULL;
  len = mo_word (data, entry, swap);
  offset = mo_word (data, entry + 4, swap);
  if ((gsize) offset + len >= size || data[offset + len] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static GHashTable *
load_catalogue (void)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (MO_RESOURCE, 0, NULL);
  const guint8 *data;
  gsize size = 0;
  guint32 n, originals, translations;
  gboolean swap;

  if (bytes == NULL)
    return table;
  data = g_bytes_get_data (bytes, &size);
  if (size < 20)
    return table;
  swap = mo_word (data, 0, FALSE) != MO_MAGIC;
  if (mo_word (data, 0, swap) != MO_MAGIC)
    return table;
  n = mo_word (data, 8, swap);
  originals = mo_word (data, 12, swap);
  translations = mo_word (data, 16, swap);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = mo_string (data, size, originals, i, swap);
      const char *msgstr = mo_string (data, size, translations, i, swap);

      /* The header (empty msgid) and untranslated entries are skipped. */
      if (msgid == NULL || msgstr == NULL || msgid[0] == '\0' || msgstr[0] == '\0')
        continue;
      g_hash_table_insert (table, (gpointer) msgid, (gpointer) msgstr);
    }
  /* Resource data compiled into the binary stays valid for good: the
   * table points into it. */
  return table;
}

static const char *
lookup_de (const char *msgctxt,
           const char *msgid)
{
  static GHashTable *catalogue;
  g_autofree char *key = NULL;
  const char *found;

  if (g_once_init_enter (&catalogue))
    g_once_init_leave (&catalogue, load_catalogue ());
  if (msgctxt != NULL)
    key = g_strconcat (msgctxt, "\004", msgid, NULL);
  found = g_hash_table_lookup (catalogue, key != NULL ? key : msgid);
  return found != NULL ? found : msgid;
}

const char *
cg_room_translate (const char *lang,
                   const char *msgctxt_or_NULL,
                   const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  if (lang != NULL && g_str_equal (lang, "de"))
    return lookup_de (msgctxt_or_NULL, msgid);
  return msgid;
}
