payment-request =
    رسوم خدمة «{ $service }»: { $amount }
    الرقم المرجعي للدفع: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = يمكنكم الآن الدفع بسهولة من المنزل.
payment-how-office = يُرجى دفع الرسوم بالطريقة التي اتفقتم عليها مع الموظف المختص خلال المحادثة.
payment-invoice-title = رسوم: { $service }
payment-invoice-description = { $service }، الرقم المرجعي للدفع: { $reference }
payment-link-label = الدفع الآن
payment-link-unavailable = يتعذّر إنشاء رابط الدفع حاليًا. سنرسله إليكم قريبًا.
payment-refused-amount = هذا المبلغ لا يطابق الرسوم المستحقة. يُرجى استخدام آخر طلب دفع أرسلناه إليكم.
payment-refused-closed = هذه الرسوم مدفوعة بالفعل أو لم تعد مستحقة.
payment-refused-unknown = طلب الدفع هذا غير معروف لدينا. يُرجى استخدام آخر رسالة أرسلناها إليكم.
payment-receipt =
    شكرًا لكم، لقد استلمنا دفعتكم.
    الخدمة: { $service }
    المبلغ: { $amount }
    التاريخ: { $date }
    الرقم المرجعي للدفع: { $reference }
    رقم عملية الدفع: { $payment }
appointments-open-payment = رسوم مستحقة: { $amount } لخدمة «{ $service }» (الرقم المرجعي للدفع: { $reference })
option-pay = دفع { $amount }
checklist-fee-office = الرسوم: { $fee }. ستعرفون طريقة الدفع خلال المحادثة.
payment-state-draft = لم يُرسَل بعد
payment-state-open = بانتظار الدفع
payment-state-paid = تم الدفع
payment-state-refunded = تم ردّ المبلغ
payment-state-cancelled = تم الإلغاء
desk-fee-set = رسوم { $reference }: { $amount }.
desk-fee-at-done = سيُرسَل طلب الدفع عند تنفيذ «done».
desk-fee-sent = تم إرسال طلب الدفع.
desk-fee-no-call = لا توجد محادثة جارية أو منتهية للتو يمكن أن تُفرض عليها رسوم.
desk-fee-bad-amount = «{ $input }» ليس مبلغًا صالحًا. مثال: fee 13,50 تصديق
desk-fee-paid = دفع { $reference } الرسوم بالفعل ({ $amount })؛ لم يعد من الممكن تغييرها.
desk-fee-zero = لا توجد رسوم مستحقة على { $reference }.
desk-paid-line = تم استلام دفعة: دفع { $reference } مبلغ { $amount } (الرقم المرجعي للدفع: { $payment }).
desk-paid-state = { $reference }: { $amount }، { $state } (الرقم المرجعي للدفع: { $payment })
desk-paid-refunded = المبلغ المردود: { $amount }
desk-payment-unknown = لا توجد أي رسوم على { $reference }.
desk-refund-done = تم ردّ مبلغ { $amount } إلى { $reference }.
desk-refund-at-provider = دفع { $reference } عبر Telegram. يُرجى ردّ المبلغ لدى مزوّد خدمة الدفع (رقم عملية الدفع: { $payment }).
desk-refund-not-paid = لم يدفع { $reference } شيئًا؛ لا يوجد ما يمكن ردّه.
desk-refund-too-much = الحد الأقصى الذي لا يزال يمكن ردّه إلى { $reference }: { $amount }.
desk-refund-failed = تعذّر ردّ المبلغ إلى { $reference }. يُرجى المحاولة مرة أخرى لاحقًا.
desk-refund-unsupported = لا يمكن ردّ المبلغ إلى { $reference } عبر Schalter؛ يُرجى ردّه لدى مزوّد خدمة الدفع.
desk-today-payment = · الرسوم: { $state }
payment-sent-again = أرسلنا إليكم طلب الدفع مرة أخرى.
payment-service-other = طلبكم
desk-paid-twice = تنبيه: تم دفع { $reference } مرة أخرى ({ $amount }، رقم عملية الدفع { $payment }). يُرجى رد هذا المبلغ.
