/** Where the queue's search term lives: a passport number never goes into a URL (or the logs that keep URLs). */
export const QUEUE_SEARCH_COOKIE = "queue-search";
