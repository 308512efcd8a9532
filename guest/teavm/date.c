/*
 * java.util.Date's native helpers for TeaVM on Kiln. The image's time zone is UTC
 * (there is no zone database inside), so "local" and UTC are the same: the
 * conversions use timegm/gmtime_r (musl's, pure arithmetic).
 */
#include "date.h"
#include "definitions.h"
#include <time.h>
#include <stdio.h>
#include <string.h>

static time_t teavm_epochStart;

void teavm_date_init() {
    teavm_epochStart = 0;
}

static int64_t kiln_date_fromTm(struct tm *t) {
    return (int64_t) timegm(t) * 1000;
}

static struct tm *kiln_date_toTm(int64_t timestamp, struct tm *t) {
    int64_t seconds = timestamp / 1000;
    if (timestamp % 1000 < 0) {
        seconds--;
    }
    time_t s = (time_t) seconds;
    return gmtime_r(&s, t);
}

static int64_t kiln_date_millis(int64_t timestamp) {
    int64_t ms = timestamp % 1000;
    return ms < 0 ? ms + 1000 : ms;
}

int64_t teavm_date_timeToTimestamp(time_t t) {
    return (int64_t) t * 1000;
}

time_t teavm_date_timestampToTime(int64_t timestamp) {
    return (time_t) (timestamp / 1000);
}

int64_t teavm_date_create(int32_t year, int32_t month, int32_t day, int32_t hour, int32_t minute, int32_t second) {
    struct tm t = { .tm_year = year, .tm_mon = month, .tm_mday = day, .tm_hour = hour, .tm_min = minute,
                    .tm_sec = second, .tm_isdst = 0 };
    return kiln_date_fromTm(&t);
}

int64_t teavm_date_createUtc(int32_t year, int32_t month, int32_t day, int32_t hour, int32_t minute, int32_t second) {
    return teavm_date_create(year, month, day, hour, minute, second);
}

/* Parses the format teavm_date_format writes ("Thu Jan 01 00:00:00 UTC 1970"); -1 ms-epoch on failure is not
   distinguishable, so a string that does not parse gives the epoch, as TeaVM's own Windows fallback does. */
int64_t teavm_date_parse(char* s) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    char mon[4] = {0};
    int day, hour, minute, second, year;
    if (sscanf(s, "%*3s %3s %d %d:%d:%d %*s %d", mon, &day, &hour, &minute, &second, &year) != 6) {
        return 0;
    }
    const char *m = strstr(months, mon);
    if (m == NULL || (m - months) % 3 != 0) {
        return 0;
    }
    return teavm_date_create(year - 1900, (int32_t) ((m - months) / 3), day, hour, minute, second);
}

#define KILN_DATE_GET(name, field) \
    int32_t name(int64_t time) { struct tm t; return (int32_t) kiln_date_toTm(time, &t)->field; }
#define KILN_DATE_SET(name, field) \
    int64_t name(int64_t time, int32_t value) { \
        struct tm t; \
        kiln_date_toTm(time, &t)->field = value; \
        return kiln_date_fromTm(&t) + kiln_date_millis(time); \
    }

KILN_DATE_GET(teavm_date_getYear, tm_year)
KILN_DATE_SET(teavm_date_setYear, tm_year)
KILN_DATE_GET(teavm_date_getMonth, tm_mon)
KILN_DATE_SET(teavm_date_setMonth, tm_mon)
KILN_DATE_GET(teavm_date_getDate, tm_mday)
KILN_DATE_SET(teavm_date_setDate, tm_mday)
KILN_DATE_GET(teavm_date_getDay, tm_wday)
KILN_DATE_GET(teavm_date_getHours, tm_hour)
KILN_DATE_SET(teavm_date_setHours, tm_hour)
KILN_DATE_GET(teavm_date_getMinutes, tm_min)
KILN_DATE_SET(teavm_date_setMinutes, tm_min)
KILN_DATE_GET(teavm_date_getSeconds, tm_sec)
KILN_DATE_SET(teavm_date_setSeconds, tm_sec)

/* Date.toString's format, "%a %b %d %H:%M:%S %Z %Y", in UTC. */
char* teavm_date_format(int64_t time) {
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                       "Nov", "Dec"};
    static char buffer[64];
    struct tm t;
    kiln_date_toTm(time, &t);
    snprintf(buffer, sizeof buffer, "%s %s %02d %02d:%02d:%02d UTC %d", days[t.tm_wday], months[t.tm_mon],
             t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_year + 1900);
    return buffer;
}
