payment-request =
    هزینه { $service }: { $amount }
    شماره مرجع پرداخت: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = اکنون می‌توانید به‌راحتی از خانه پرداخت کنید.
payment-how-office = لطفاً هزینه را همان‌طور که در گفتگو با کارشناس توافق شد پرداخت کنید.
payment-invoice-title = هزینه: { $service }
payment-invoice-description = { $service }، شماره مرجع پرداخت { $reference }
payment-link-label = پرداخت
payment-link-unavailable = در حال حاضر ساختن لینک پرداخت ممکن نیست. به‌زودی آن را برایتان می‌فرستیم.
payment-refused-amount = این مبلغ با هزینه پرداخت‌نشده مطابقت ندارد. لطفاً از آخرین درخواست پرداخت ما استفاده کنید.
payment-refused-closed = این هزینه قبلاً پرداخت شده یا دیگر قابل پرداخت نیست.
payment-refused-unknown = این درخواست پرداخت برای ما شناخته‌شده نیست. لطفاً از آخرین پیام ما استفاده کنید.
payment-receipt =
    سپاسگزاریم، پرداخت شما دریافت شد.
    خدمت: { $service }
    مبلغ: { $amount }
    تاریخ: { $date }
    شماره مرجع پرداخت: { $reference }
    شناسه پرداخت: { $payment }
appointments-open-payment = هزینه پرداخت‌نشده: { $amount } برای { $service } (شماره مرجع پرداخت { $reference })
option-pay = پرداخت { $amount }
checklist-fee-office = هزینه: { $fee }. نحوه پرداخت را در گفتگو به شما می‌گویند.
payment-state-draft = هنوز فرستاده نشده
payment-state-open = پرداخت‌نشده
payment-state-paid = پرداخت‌شده
payment-state-refunded = بازپرداخت‌شده
payment-state-cancelled = باطل‌شده
desk-fee-set = هزینه برای { $reference }: { $amount }.
desk-fee-at-done = درخواست پرداخت با «done» فرستاده می‌شود.
desk-fee-sent = درخواست پرداخت فرستاده شد.
desk-fee-no-call = هیچ گفتگوی جاری یا تازه تمام‌شده‌ای وجود ندارد که هزینه به آن تعلق بگیرد.
desk-fee-bad-amount = «{ $input }» مبلغ معتبری نیست. مثال: fee 13,50 تأیید رونوشت
desk-fee-paid = { $reference } قبلاً پرداخت شده است ({ $amount })؛ هزینه دیگر قابل تغییر نیست.
desk-fee-zero = برای { $reference } هزینه‌ای تعلق نمی‌گیرد.
desk-paid-line = پرداخت دریافت شد: { $reference } مبلغ { $amount } را پرداخت کرد (شماره مرجع پرداخت { $payment }).
desk-paid-state = { $reference }: { $amount }، { $state } (شماره مرجع پرداخت { $payment })
desk-paid-refunded = از این مبلغ بازپرداخت‌شده: { $amount }
desk-payment-unknown = برای { $reference } هزینه‌ای ثبت نشده است.
desk-refund-done = مبلغ { $amount } برای { $reference } بازپرداخت شد.
desk-refund-at-provider = { $reference } در تلگرام پرداخت شده است. لطفاً بازپرداخت را از طریق ارائه‌دهنده خدمات پرداخت انجام دهید (شناسه پرداخت { $payment }).
desk-refund-not-paid = { $reference } پرداخت نشده است؛ چیزی برای بازپرداخت وجود ندارد.
desk-refund-too-much = برای { $reference } حداکثر { $amount } دیگر قابل بازپرداخت است.
desk-refund-failed = بازپرداخت برای { $reference } انجام نشد. لطفاً بعداً دوباره امتحان کنید.
desk-refund-unsupported = بازپرداخت برای { $reference } از طریق Schalter ممکن نیست؛ لطفاً از طریق ارائه‌دهنده خدمات پرداخت اقدام کنید.
desk-today-payment = · هزینه { $state }
payment-sent-again = درخواست پرداخت را دوباره برایتان فرستادیم.
payment-service-other = درخواست شما
desk-paid-twice = توجه: { $reference } یک بار دیگر پرداخت شده است ({ $amount }، شناسه پرداخت { $payment }). لطفاً این پرداخت را بازپرداخت کنید.
