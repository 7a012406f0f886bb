/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-secret.c: room keys and seat tokens.
 *
 * Both come from getrandom(2): g_random_*() is a Mersenne Twister, whose
 * output a listener could predict after a few values. 50 bits of key with
 * 10 guesses per minute per address keep a guesser out (docs/ROOM.md);
 * 128-bit seat tokens are beyond guessing.
 */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "cg-room-secret.h"

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

gboolean
cg_room_random_bytes (guint8 *buf,
                      gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

char *
cg_room_new_key (void)
{
  guint8 bytes[7];
  guint64 bits = 0;
  char *key;

  if (!cg_room_random_bytes (bytes, sizeof bytes))
    return NULL;
  for (gsize i = 0; i < sizeof bytes; i++)
    bits = (bits << 8) | bytes[i];
  key = g_malloc (CG_ROOM_KEY_LENGTH + 1);
  /* 56 random bits; the 50 lowest make the key, 5 at a time. */
  for (int i = 0; i < CG_ROOM_KEY_LENGTH; i++)
    key[i] = crockford[(bits >> (5 * (CG_ROOM_KEY_LENGTH - 1 - i))) & 31];
  key[CG_ROOM_KEY_LENGTH] = '\0';
  explicit_bzero (bytes, sizeof bytes);
  return key;
}

char *
cg_room_new_token (void)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  guint8 bytes[16];
  char *token;
  guint acc = 0, nbits = 0;
  gsize out = 0;

  if (!cg_room_random_bytes (bytes, sizeof bytes))
    return NULL;
  token = g_malloc (CG_ROOM_TOKEN_LENGTH + 1);
  for (gsize i = 0; i < sizeof bytes; i++)
    {
      acc = (acc << 8) | bytes[i];
      nbits += 8;
      while (nbits >= 6)
        {
          nbits -= 6;
          token[out++] = alphabet[(acc >> nbits) & 63];
        }
    }
  if (nbits > 0)
    token[out++] = alphabet[(acc << (6 - nbits)) & 63];
  token[out] = '\0';
  g_assert (out == CG_ROOM_TOKEN_LENGTH);
  explicit_bzero (bytes, sizeof bytes);
  return token;
}

char *
cg_room_normalize_key (const char *text,
                       gsize       len)
{
  char key[CG_ROOM_KEY_LENGTH + 1];
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = g_ascii_toupper (text[i]);

      if (c == '-')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (c == '\0' || strchr (crockford, c) == NULL || n == CG_ROOM_KEY_LENGTH)
        return NULL;
      key[n++] = c;
    }
  if (n != CG_ROOM_KEY_LENGTH)
    return NULL;
  key[n] = '\0';
  return g_strdup (key);
}

gboolean
cg_room_secret_equal (const char *a,
                      const char *b)
{
  gsize len;
  guint8 diff = 0;

  if (a == NULL || b == NULL)
    return FALSE;
  len = strlen (a);
  if (strlen (b) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i];
  return diff == 0;
}
